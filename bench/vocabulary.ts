// Word lists and identifier helpers for the synthetic source generator.
// None of these words (alone or joined) spells the name of the API being migrated: corpus (a)
// must contain no mention of it, and a test checks that.

import type { Rng } from "./prng.js";

export const NOUNS = [
  "account", "address", "alert", "analytics", "asset", "avatar", "balance", "banner", "billing",
  "booking", "budget", "calendar", "campaign", "card", "cart", "catalog", "category", "channel",
  "checkout", "comment", "contact", "coupon", "customer", "dashboard", "delivery", "device",
  "discount", "document", "draft", "employee", "entry", "feature", "feed", "folder", "group",
  "invoice", "item", "job", "label", "layout", "lead", "ledger", "license", "location", "member",
  "menu", "message", "metric", "note", "notification", "offer", "order", "organization", "panel",
  "payment", "permission", "photo", "plan", "policy", "post", "preference", "price", "product",
  "profile", "project", "promotion", "quota", "rating", "receipt", "record", "refund", "region",
  "release", "review", "role", "route", "rule", "schedule", "segment", "session", "setting",
  "shipment", "shop", "snapshot", "stock", "subscription", "supplier", "survey", "tag", "task",
  "team", "tenant", "theme", "thread", "ticket", "timeline", "topic", "transaction", "user",
  "vendor", "voucher", "wallet", "warehouse", "widget", "workflow", "workspace",
] as const;

export const VERBS = [
  "get", "fetch", "load", "create", "update", "delete", "remove", "build", "parse", "format",
  "validate", "normalize", "compute", "resolve", "sync", "merge", "apply", "map", "filter", "sort",
  "group", "track", "send", "handle", "register", "schedule", "refresh", "select", "toggle", "reset",
] as const;

export const ADJECTIVES = [
  "active", "pending", "recent", "default", "current", "next", "primary", "shared", "cached",
  "remote", "local", "internal", "public", "archived", "visible", "selected", "total", "filtered",
] as const;

export const NPM_IMPORTS = [
  'import { z } from "zod";',
  'import type { Request, Response } from "express";',
  'import { format, addDays } from "date-fns";',
  'import { debounce } from "lodash-es";',
  'import { v4 as uuid } from "uuid";',
  'import axios from "axios";',
  'import { EventEmitter } from "node:events";',
  'import { readFile } from "node:fs/promises";',
  'import path from "node:path";',
  'import { createLogger } from "@acme/logger";',
  'import { db } from "@acme/db";',
  'import { sql } from "drizzle-orm";',
  'import { Injectable } from "@nestjs/common";',
  'import pino from "pino";',
] as const;

export const REACT_IMPORTS = [
  'import { useQuery, useMutation } from "@tanstack/react-query";',
  'import clsx from "clsx";',
  'import { Button } from "@acme/ui/button";',
  'import { Card, CardHeader, CardBody } from "@acme/ui/card";',
  'import { useNavigate } from "react-router-dom";',
  'import { format } from "date-fns";',
  'import { toast } from "sonner";',
] as const;

export const PY_IMPORTS = [
  "import os", "import json", "import logging", "import asyncio", "import time",
  "from dataclasses import dataclass, field", "from datetime import datetime, timedelta",
  "from pathlib import Path", "from typing import Any, Optional", "import requests", "import httpx",
  "from pydantic import BaseModel", "from sqlalchemy import select", "from fastapi import APIRouter, HTTPException",
] as const;

export const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
export const pascal = (...words: string[]): string => words.map(capitalize).join("");
export const camel = (first: string, ...rest: string[]): string => first + pascal(...rest);
export const kebab = (...words: string[]): string => words.join("-");
export const snake = (...words: string[]): string => words.join("_");

export function noun(rng: Rng): string {
  return rng.pick(NOUNS);
}

export function verb(rng: Rng): string {
  return rng.pick(VERBS);
}

export function adjective(rng: Rng): string {
  return rng.pick(ADJECTIVES);
}

export function sentence(rng: Rng): string {
  const templates = [
    () => `${capitalize(verb(rng))}s the ${adjective(rng)} ${noun(rng)} for the given ${noun(rng)}.`,
    () => `Keeps the ${noun(rng)} cache in sync with the ${adjective(rng)} ${noun(rng)} store.`,
    () => `Returns undefined when the ${noun(rng)} is not ${adjective(rng)} yet.`,
    () => `The ${noun(rng)} list is small, so a linear scan is fine here.`,
    () => `Retries on 429 and 503; other errors surface to the caller.`,
    () => `Note: the ${noun(rng)} service returns timestamps in UTC.`,
    () => `Used by the ${noun(rng)} page and the nightly ${noun(rng)} job.`,
  ];
  return rng.pick(templates)();
}
