// Generated from schema/plan.schema.json by `npm run generate`. Do not edit.
export const planSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "Plan",
  "description": "A levels plan: what applying the proposed config would change, against a baseline, and what it would do to the accounts of a score export. Plain, serialisable data; renderers and apply read only these fields.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "format_version",
    "tool_version",
    "config",
    "proposed",
    "baseline",
    "changes",
    "domain_change",
    "drift",
    "impact",
    "findings",
    "summary",
    "checksum"
  ],
  "properties": {
    "format_version": {
      "const": "1",
      "description": "The version of this format. A reader refuses a plan whose major version it does not know."
    },
    "tool_version": {
      "type": "string",
      "description": "The levels version that computed the plan."
    },
    "created_at": {
      "type": "string",
      "description": "When the plan was computed (ISO 8601). Informational: nothing depends on it."
    },
    "config": {
      "$ref": "#/definitions/ConfigRef"
    },
    "proposed": {
      "$ref": "#/definitions/AppliedConfig"
    },
    "baseline": {
      "$ref": "#/definitions/BaselineRef"
    },
    "changes": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/RulesetChange"
      },
      "description": "Semantic changes from the baseline to the proposed config, by ruleset id (sorted) and level name. Empty when nothing changes."
    },
    "domain_change": {
      "oneOf": [
        {
          "$ref": "#/definitions/DomainChange"
        },
        {
          "type": "null"
        }
      ],
      "description": "The score domain change, or null when it stays."
    },
    "drift": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/Drift"
      },
      "description": "Differences between the live store and the config last applied to it from git (changes made outside levels). Empty unless the baseline is the store."
    },
    "impact": {
      "oneOf": [
        {
          "$ref": "#/definitions/Impact"
        },
        {
          "type": "null"
        }
      ],
      "description": "What the change does to the accounts of the score export; null when no export was given."
    },
    "findings": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/Finding"
      },
      "description": "Every lint finding on the proposed config, static and data-aware. Any error blocks apply."
    },
    "summary": {
      "$ref": "#/definitions/Summary"
    },
    "checksum": {
      "type": "string",
      "description": "SHA-256 of this plan's canonical JSON without the checksum: apply refuses a plan whose content no longer matches (an edited plan file)."
    }
  },
  "definitions": {
    "ConfigRef": {
      "title": "ConfigRef",
      "description": "The proposed config: where it was read and its content hash.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "folder",
        "source",
        "hash"
      ],
      "properties": {
        "folder": {
          "type": "string",
          "description": "The config folder, as named on the command line."
        },
        "source": {
          "enum": [
            "working-tree",
            "git"
          ],
          "description": "Read from the working tree, or from a git ref (--ref)."
        },
        "ref": {
          "type": "string",
          "description": "The git ref named with --ref."
        },
        "commit": {
          "type": "string",
          "description": "The commit the config was read at: the --ref commit, or HEAD when the working tree matches it."
        },
        "hash": {
          "type": "string",
          "description": "SHA-256 of the canonical config (rulesets and score domain); equal configs have equal hashes whatever their formatting."
        }
      }
    },
    "BaselineRef": {
      "title": "BaselineRef",
      "description": "What the plan compares against: the live store, the config at a git ref, or nothing.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "hash"
      ],
      "properties": {
        "kind": {
          "enum": [
            "store",
            "git",
            "none"
          ]
        },
        "ref": {
          "type": "string",
          "description": "git: the ref named with --against git:REF."
        },
        "commit": {
          "type": "string",
          "description": "git: the commit the ref resolved to; store: the git commit of the last apply."
        },
        "serial": {
          "type": "integer",
          "description": "store: the store serial the plan was computed against."
        },
        "store": {
          "type": "string",
          "description": "store: the store URL, with any password removed."
        },
        "hash": {
          "type": "string",
          "description": "SHA-256 of the canonical baseline config (an empty store and no baseline both have the hash of the empty config). Apply refuses the plan when the live config's hash differs."
        },
        "note": {
          "type": "string",
          "description": "Why the baseline is what it is, when that is not obvious (e.g. the folder did not exist at the ref)."
        }
      }
    },
    "RulesetFields": {
      "title": "RulesetFields",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "enabled",
        "primary"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "enabled": {
          "type": "boolean"
        },
        "primary": {
          "type": "boolean"
        }
      }
    },
    "RulesetChange": {
      "title": "RulesetChange",
      "description": "What happens to one ruleset.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "ruleset",
        "action",
        "fields",
        "before",
        "after",
        "primary",
        "enabled",
        "levels"
      ],
      "properties": {
        "ruleset": {
          "type": "string",
          "description": "The ruleset id (the new id for a ruleset whose id changes)."
        },
        "previous_id": {
          "type": "string",
          "description": "The id it had before, for a ruleset whose id changes while its levels stay the same (a rename)."
        },
        "action": {
          "enum": [
            "create",
            "update",
            "delete"
          ]
        },
        "file": {
          "type": "string",
          "description": "The file that declares it (in the proposed config; in the baseline for a delete)."
        },
        "fields": {
          "type": "array",
          "items": {
            "enum": [
              "id",
              "name",
              "description",
              "enabled",
              "primary"
            ]
          },
          "description": "Ruleset fields whose value changes (update only)."
        },
        "before": {
          "oneOf": [
            {
              "$ref": "#/definitions/RulesetFields"
            },
            {
              "type": "null"
            }
          ]
        },
        "after": {
          "oneOf": [
            {
              "$ref": "#/definitions/RulesetFields"
            },
            {
              "type": "null"
            }
          ]
        },
        "primary": {
          "enum": [
            "gained",
            "lost",
            null
          ],
          "description": "Called out: the ruleset becomes (gained) or stops being (lost) the primary one."
        },
        "enabled": {
          "enum": [
            "enabled",
            "disabled",
            null
          ],
          "description": "Called out: the ruleset is switched on or off."
        },
        "levels": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/LevelChange"
          },
          "description": "Level changes, in the order of the proposed ruleset, deletions last."
        }
      }
    },
    "LevelState": {
      "title": "LevelState",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "min",
        "max",
        "position"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "min": {
          "type": "number"
        },
        "max": {
          "type": [
            "number",
            "null"
          ],
          "description": "null: no upper bound."
        },
        "color": {
          "type": "string"
        },
        "expected_share": {
          "type": "string"
        },
        "owner": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "position": {
          "type": "integer",
          "description": "0-based place in the ruleset: first match wins, so order is part of the config."
        }
      }
    },
    "LevelChange": {
      "title": "LevelChange",
      "description": "What happens to one level. Levels are matched by name (ignoring case and surrounding spaces); a level whose name changes but whose range stays is an update of its name.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "level",
        "action",
        "fields",
        "before",
        "after"
      ],
      "properties": {
        "level": {
          "type": "string",
          "description": "The level name (the new name for a rename, the old one for a delete)."
        },
        "action": {
          "enum": [
            "create",
            "update",
            "delete"
          ]
        },
        "fields": {
          "type": "array",
          "items": {
            "enum": [
              "name",
              "min",
              "max",
              "color",
              "expected_share",
              "owner",
              "description",
              "position"
            ]
          },
          "description": "Level fields whose value changes (update only)."
        },
        "before": {
          "oneOf": [
            {
              "$ref": "#/definitions/LevelState"
            },
            {
              "type": "null"
            }
          ]
        },
        "after": {
          "oneOf": [
            {
              "$ref": "#/definitions/LevelState"
            },
            {
              "type": "null"
            }
          ]
        }
      }
    },
    "ScoreDomain": {
      "title": "ScoreDomain",
      "description": "The score domain of a config (its Workspace scores).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "min",
        "max",
        "integer"
      ],
      "properties": {
        "min": {
          "type": "number"
        },
        "max": {
          "type": [
            "number",
            "null"
          ],
          "description": "null: no upper bound."
        },
        "integer": {
          "type": "boolean"
        }
      }
    },
    "DomainChange": {
      "title": "DomainChange",
      "description": "The score domain (the Workspace scores) changes: lint judges gaps and coverage on it; levels are still given by first match.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "before",
        "after"
      ],
      "properties": {
        "before": {
          "$ref": "#/definitions/ScoreDomain"
        },
        "after": {
          "$ref": "#/definitions/ScoreDomain"
        }
      }
    },
    "Drift": {
      "title": "Drift",
      "description": "A difference between the live store and the config last applied from git.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "message"
      ],
      "properties": {
        "ruleset": {
          "type": "string",
          "description": "The ruleset concerned; absent for the score domain."
        },
        "level": {
          "type": "string"
        },
        "message": {
          "type": "string"
        }
      }
    },
    "ExportRef": {
      "title": "ExportRef",
      "description": "The score export the impact was computed from, with its fingerprint.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "path",
        "format",
        "compressed",
        "size",
        "sha256"
      ],
      "properties": {
        "path": {
          "type": "string"
        },
        "format": {
          "enum": [
            "csv",
            "jsonl"
          ]
        },
        "compressed": {
          "type": "boolean"
        },
        "size": {
          "type": "integer",
          "description": "Bytes on disk."
        },
        "sha256": {
          "type": "string"
        },
        "delimiter": {
          "type": "string"
        },
        "columns": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "DistributionEntry": {
      "title": "DistributionEntry",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "level",
        "count",
        "share"
      ],
      "properties": {
        "level": {
          "type": "string",
          "description": "A level name, or Unassigned."
        },
        "count": {
          "type": "integer",
          "minimum": 0
        },
        "share": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "description": "count / accounts, to 6 decimals; 0 when there are no accounts."
        }
      }
    },
    "Transition": {
      "title": "Transition",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "from",
        "to",
        "count"
      ],
      "properties": {
        "from": {
          "type": "string"
        },
        "to": {
          "type": "string"
        },
        "count": {
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "MovedAccount": {
      "title": "MovedAccount",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "account_id",
        "score",
        "from",
        "to",
        "line"
      ],
      "properties": {
        "account_id": {
          "type": "string"
        },
        "score": {
          "type": "number"
        },
        "from": {
          "type": "string"
        },
        "to": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "description": "Line of the row in the export."
        }
      }
    },
    "StaleAccount": {
      "title": "StaleAccount",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "account_id",
        "score",
        "shown",
        "expected",
        "line"
      ],
      "properties": {
        "account_id": {
          "type": "string"
        },
        "score": {
          "type": "number"
        },
        "shown": {
          "type": "string",
          "description": "The level the export's level column shows."
        },
        "expected": {
          "type": "string",
          "description": "The level the baseline config gives."
        },
        "line": {
          "type": "integer"
        }
      }
    },
    "RejectedRow": {
      "title": "RejectedRow",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "line",
        "reason"
      ],
      "properties": {
        "line": {
          "type": "integer"
        },
        "reason": {
          "type": "string"
        }
      }
    },
    "Experiment": {
      "title": "Experiment",
      "description": "An enabled, non-primary ruleset: how it would distribute the same accounts.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "ruleset",
        "name",
        "distribution"
      ],
      "properties": {
        "ruleset": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "distribution": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/DistributionEntry"
          }
        }
      }
    },
    "Impact": {
      "title": "Impact",
      "description": "The effect on the accounts of a score export. Invariants: the counts of before, of after and of transitions each sum to accounts; moved = upgraded + downgraded + the lateral moves (renames).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "export",
        "ruleset_before",
        "ruleset_after",
        "accounts",
        "rejected",
        "rejected_rows",
        "duplicates",
        "before",
        "after",
        "transitions",
        "moved",
        "upgraded",
        "downgraded",
        "stale",
        "stale_sample",
        "sample",
        "experiments"
      ],
      "properties": {
        "export": {
          "$ref": "#/definitions/ExportRef"
        },
        "ruleset_before": {
          "type": [
            "string",
            "null"
          ],
          "description": "The baseline's active ruleset (enabled primary); null: every account is Unassigned."
        },
        "ruleset_after": {
          "type": [
            "string",
            "null"
          ],
          "description": "The proposed active ruleset."
        },
        "accounts": {
          "type": "integer",
          "minimum": 0,
          "description": "Rows that counted."
        },
        "rejected": {
          "type": "integer",
          "minimum": 0,
          "description": "Rows rejected: missing id, bad score, duplicate id."
        },
        "rejected_rows": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/RejectedRow"
          },
          "description": "The first 20 rejected rows by line."
        },
        "duplicates": {
          "type": "integer",
          "minimum": 0,
          "description": "Of the rejected rows, those whose id had already counted."
        },
        "before": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/DistributionEntry"
          },
          "description": "Accounts per level under the baseline, in level order, Unassigned last."
        },
        "after": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/DistributionEntry"
          },
          "description": "Accounts per level under the proposed config."
        },
        "transitions": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/Transition"
          },
          "description": "Every non-zero from→to cell, unchanged ones included, in level order."
        },
        "moved": {
          "type": "integer",
          "minimum": 0,
          "description": "Accounts whose level changes."
        },
        "upgraded": {
          "type": "integer",
          "minimum": 0,
          "description": "Moved to a higher level (by range), or from Unassigned to a level."
        },
        "downgraded": {
          "type": "integer",
          "minimum": 0,
          "description": "Moved to a lower level, or to Unassigned."
        },
        "stale": {
          "type": [
            "integer",
            "null"
          ],
          "description": "Accounts whose export level column disagrees with the baseline's level; null when the export has no level column or the baseline has no active ruleset."
        },
        "stale_sample": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/StaleAccount"
          },
          "description": "Up to 20 stale accounts, by line."
        },
        "sample": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/MovedAccount"
          },
          "description": "Up to 5 moved accounts per transition, 100 in all, by line."
        },
        "experiments": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/Experiment"
          }
        }
      }
    },
    "Finding": {
      "title": "PlanFinding",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "rule",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "path"
      ],
      "properties": {
        "rule": {
          "type": "string"
        },
        "severity": {
          "enum": [
            "error",
            "warning",
            "info"
          ]
        },
        "message": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer"
        },
        "column": {
          "type": "integer"
        },
        "endLine": {
          "type": "integer"
        },
        "endColumn": {
          "type": "integer"
        },
        "path": {
          "type": "array",
          "items": {
            "type": [
              "string",
              "integer"
            ]
          }
        },
        "ruleset": {
          "type": "string"
        }
      }
    },
    "Counts": {
      "title": "ChangeCounts",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "create",
        "update",
        "delete"
      ],
      "properties": {
        "create": {
          "type": "integer",
          "minimum": 0
        },
        "update": {
          "type": "integer",
          "minimum": 0
        },
        "delete": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "Summary": {
      "title": "Summary",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "text",
        "has_changes",
        "blocked",
        "rulesets",
        "levels",
        "accounts",
        "moved",
        "errors",
        "warnings",
        "infos"
      ],
      "properties": {
        "text": {
          "type": "string",
          "description": "One line, e.g. 'Plan: 1 ruleset to change, 2 levels to update; 1,204 of 48,310 accounts move.'"
        },
        "has_changes": {
          "type": "boolean",
          "description": "The config differs from the baseline (changes is not empty)."
        },
        "blocked": {
          "type": "boolean",
          "description": "There is an error finding: apply refuses the plan."
        },
        "rulesets": {
          "$ref": "#/definitions/Counts"
        },
        "levels": {
          "$ref": "#/definitions/Counts"
        },
        "accounts": {
          "type": [
            "integer",
            "null"
          ]
        },
        "moved": {
          "type": [
            "integer",
            "null"
          ]
        },
        "errors": {
          "type": "integer",
          "minimum": 0
        },
        "warnings": {
          "type": "integer",
          "minimum": 0
        },
        "infos": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "AppliedConfig": {
      "title": "AppliedConfig",
      "description": "The proposed config itself, in canonical form (rulesets sorted by id, defaults applied, and the score domain): what apply writes to the store. Its hash is config.hash.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "rulesets",
        "scores"
      ],
      "properties": {
        "rulesets": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/AppliedRuleset"
          }
        },
        "scores": {
          "$ref": "#/definitions/ScoreDomain"
        }
      }
    },
    "AppliedRuleset": {
      "title": "AppliedRuleset",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "enabled",
        "primary",
        "levels"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "enabled": {
          "type": "boolean"
        },
        "primary": {
          "type": "boolean"
        },
        "levels": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/AppliedLevel"
          }
        }
      }
    },
    "AppliedLevel": {
      "title": "AppliedLevel",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "min"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "min": {
          "type": "number"
        },
        "max": {
          "type": "number"
        },
        "color": {
          "type": "string"
        },
        "expected_share": {
          "type": "string"
        },
        "owner": {
          "type": "string"
        },
        "description": {
          "type": "string"
        }
      }
    }
  }
} as const;
