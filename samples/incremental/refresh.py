#!/usr/bin/env python3
"""Keeps a local JSON Lines copy of one exported list up to date with the rows changed since the last run.

    TOKEN=... python3 refresh.py http://localhost:5080 households
    WAREHOUSE_API_KEY=whk_... python3 refresh.py https://warehouse.example.org members

Asks /export/{list}.jsonl for rows with updatedAt >= the watermark (the largest updatedAt received so far, never
this machine's clock), replaces them by key and stores the new watermark. Without a watermark file it loads the
whole list: that is also the periodic full refresh which removes rows deleted at the source or moved out of the
reader's region (there is no deletion feed; docs/bi-feeds.md, "Incremental refresh"). Standard library only.
"""
import json
import os
import sys
import urllib.parse
import urllib.request


def main() -> None:
    base, lst = sys.argv[1].rstrip("/"), sys.argv[2]
    state_file, data_file = f"{lst}.state.json", f"{lst}.jsonl"
    api_key = os.environ.get("WAREHOUSE_API_KEY")
    headers = {"X-Api-Key": api_key} if api_key else {"Authorization": "Bearer " + os.environ["TOKEN"]}

    # The key is the first column of the list's export (id, or code for regions).
    with urllib.request.urlopen(urllib.request.Request(f"{base}/export/{lst}.schema.json", headers=headers)) as response:
        key = json.load(response)["columns"][0]["name"]

    watermark = None
    rows = {}
    if os.path.exists(state_file) and os.path.exists(data_file):
        with open(state_file, encoding="utf-8") as f:
            watermark = json.load(f)["watermark"]
        with open(data_file, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                rows[row[key]] = row

    query = {"order": json.dumps([{"updatedAt": "ASC"}])}
    if watermark:
        # gte, not gt: rows written in the watermark's millisecond come again and are replaced, never lost.
        query["where"] = json.dumps({"updatedAt": {"gte": watermark}})
    request = urllib.request.Request(f"{base}/export/{lst}.jsonl?" + urllib.parse.urlencode(query), headers=headers)
    changed = 0
    # A failed or cut transfer raises here, before anything is written: the old file and watermark stay.
    with urllib.request.urlopen(request) as response:
        for line in response:
            row = json.loads(line)
            rows[row[key]] = row
            changed += 1
            # ISO 8601 UTC with three decimals: text order is time order.
            watermark = max(watermark or "", row["updatedAt"])

    with open(data_file + ".tmp", "w", encoding="utf-8") as out:
        for row in rows.values():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(data_file + ".tmp", data_file)
    with open(state_file, "w", encoding="utf-8") as f:
        json.dump({"watermark": watermark}, f)
    print(f"{changed} rows received, {len(rows)} rows kept, watermark {watermark}")


if __name__ == "__main__":
    main()
