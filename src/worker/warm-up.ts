// A short product document of our own that the worker lints once as it starts.
// The engine's first lint pays for compiling its large vocabulary patterns (one to
// two seconds on a busy machine, against tens of milliseconds for every lint after
// it). Paid while the user is still looking at the Welcome page, it is not paid by
// the first document they open. The text touches every part of a PRD the rules
// read: title, problem with numbers, goals with a delivery, a metrics table with a
// count, a list with a timeframe, key results and a guardrail.
export const WARM_UP_DOCUMENT = `---
type: prd
---
# PRD: Shared grocery lists

## Problem

Households that plan meals in the app still shop from paper: 58% of weekly planners never open
the shopping list, and support gets 40 requests a month about lists that do not sync.

## Goals

- Launch shared lists for every household by the end of Q2
- Planners who shop from the app rise from 42% to 60% within 90 days of release
- Make shopping easier

## Success metrics

| Metric | Type | Baseline | Target | Timeframe |
| --- | --- | --- | --- | --- |
| Total list downloads | leading | 12,000 | 20,000 | Q2 |
| % of planners who tick off an item in store within 14 days | leading | 9% | 25% | |
| Sync complaints per 1,000 households | guardrail | | below 2 | every week |

### Key results

- KR1: Ship the list widget to 3 partner stores
- KR2: Weekly active shoppers reach 15,000

## Requirements

1. Two people can edit the same list at once.
`;
