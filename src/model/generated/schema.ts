// Generated from schema/levels.schema.json by `npm run generate`. Do not edit.
export const levelsSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "LevelsDocument",
  "description": "One document of a levels config folder: a LevelRuleset or the Workspace settings, told apart by `kind`.",
  "type": "object",
  "required": [
    "kind"
  ],
  "properties": {
    "kind": {
      "enum": [
        "LevelRuleset",
        "Workspace"
      ],
      "description": "Document kind."
    }
  },
  "oneOf": [
    {
      "$ref": "#/definitions/LevelRuleset"
    },
    {
      "$ref": "#/definitions/Workspace"
    }
  ],
  "definitions": {
    "LevelRuleset": {
      "title": "LevelRuleset",
      "description": "A ruleset: an ordered list of levels. For a score, the first level (in the order written) whose range holds it wins; no match means Unassigned.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "id",
        "name",
        "levels"
      ],
      "properties": {
        "kind": {
          "const": "LevelRuleset",
          "description": "Document kind."
        },
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]{0,62}$",
          "description": "Stable id, unique in the repository: lowercase letters, digits and dashes, at most 63 characters, starting with a letter or digit."
        },
        "name": {
          "$ref": "#/definitions/Text",
          "description": "Display name."
        },
        "description": {
          "type": "string",
          "maxLength": 2000,
          "description": "What the ruleset is for."
        },
        "enabled": {
          "type": "boolean",
          "default": true,
          "description": "A disabled ruleset keeps its config but affects nothing."
        },
        "primary": {
          "type": "boolean",
          "default": false,
          "description": "The one active ruleset. Exactly one ruleset in the repository is primary."
        },
        "levels": {
          "type": "array",
          "minItems": 1,
          "maxItems": 100,
          "items": {
            "$ref": "#/definitions/Level"
          },
          "description": "The levels, written from highest to lowest. Assignment walks them in this order."
        }
      }
    },
    "Level": {
      "title": "Level",
      "description": "A level (tier): a name and an inclusive score range.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "min"
      ],
      "properties": {
        "name": {
          "$ref": "#/definitions/Text",
          "description": "Unique within the ruleset (compared case-insensitively after trimming). `Unassigned` is reserved."
        },
        "min": {
          "type": "number",
          "description": "Lowest score of the level, inclusive."
        },
        "max": {
          "type": "number",
          "description": "Highest score of the level, inclusive. Leave it out for an open-ended top level."
        },
        "color": {
          "$ref": "#/definitions/Color"
        },
        "expected_share": {
          "type": "string",
          "pattern": "^\\s*(\\d+(\\.\\d+)?\\s*%?\\s*-\\s*\\d+(\\.\\d+)?\\s*%|(<|<=|>|>=)\\s*\\d+(\\.\\d+)?\\s*%)\\s*$",
          "description": "The share of accounts the level should hold: a range such as `10-20%` or a bound such as `<= 5%`."
        },
        "owner": {
          "$ref": "#/definitions/Text",
          "description": "The level's DRI: a person, team or handle."
        },
        "description": {
          "type": "string",
          "maxLength": 2000,
          "description": "The play: what sales and marketing do with accounts at this level."
        }
      }
    },
    "Color": {
      "description": "Display colour: a name (purple, violet, indigo, blue, cyan, teal, green, yellow, orange, red, pink, brown, gray, grey, black, white) or #rgb / #rrggbb.",
      "anyOf": [
        {
          "type": "string",
          "enum": [
            "purple",
            "violet",
            "indigo",
            "blue",
            "cyan",
            "teal",
            "green",
            "yellow",
            "orange",
            "red",
            "pink",
            "brown",
            "gray",
            "grey",
            "black",
            "white"
          ]
        },
        {
          "type": "string",
          "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
        }
      ]
    },
    "Text": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200,
      "pattern": "\\S"
    },
    "Severity": {
      "type": "string",
      "enum": [
        "error",
        "warning",
        "info",
        "off"
      ]
    },
    "Workspace": {
      "title": "Workspace",
      "description": "Settings for the whole config folder (at most one Workspace document).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind"
      ],
      "properties": {
        "kind": {
          "const": "Workspace",
          "description": "Document kind."
        },
        "scores": {
          "$ref": "#/definitions/ScoreDomain"
        },
        "store": {
          "type": "string",
          "pattern": "^(sqlite:.+|postgres(ql)?://.+)$",
          "description": "The live store: `sqlite:PATH` (default `sqlite:.levels/state.db`) or `postgres://...`. Keep passwords out of git: use LEVELS_STORE or --store for them."
        },
        "lint": {
          "title": "LintSettings",
          "description": "Lint settings.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "rules": {
              "title": "RuleSeverities",
              "type": "object",
              "description": "Severity overrides by rule id.",
              "additionalProperties": false,
              "properties": {
                "duplicate-ruleset-id": {
                  "$ref": "#/definitions/Severity"
                },
                "single-primary": {
                  "$ref": "#/definitions/Severity"
                },
                "primary-enabled": {
                  "$ref": "#/definitions/Severity"
                },
                "min-above-max": {
                  "$ref": "#/definitions/Severity"
                },
                "duplicate-level-name": {
                  "$ref": "#/definitions/Severity"
                },
                "overlap": {
                  "$ref": "#/definitions/Severity"
                },
                "shadowed-level": {
                  "$ref": "#/definitions/Severity"
                },
                "gap": {
                  "$ref": "#/definitions/Severity"
                },
                "floor-coverage": {
                  "$ref": "#/definitions/Severity"
                },
                "ceiling-coverage": {
                  "$ref": "#/definitions/Severity"
                },
                "unreachable-level": {
                  "$ref": "#/definitions/Severity"
                },
                "level-count": {
                  "$ref": "#/definitions/Severity"
                },
                "color-semantics": {
                  "$ref": "#/definitions/Severity"
                },
                "round-boundaries": {
                  "$ref": "#/definitions/Severity"
                },
                "descriptive-names": {
                  "$ref": "#/definitions/Severity"
                },
                "level-order": {
                  "$ref": "#/definitions/Severity"
                },
                "missing-owner": {
                  "$ref": "#/definitions/Severity"
                },
                "unassigned-accounts": {
                  "$ref": "#/definitions/Severity"
                },
                "dominant-level": {
                  "$ref": "#/definitions/Severity"
                },
                "empty-level": {
                  "$ref": "#/definitions/Severity"
                },
                "expected-share": {
                  "$ref": "#/definitions/Severity"
                },
                "score-outside-domain": {
                  "$ref": "#/definitions/Severity"
                }
              }
            }
          }
        }
      }
    },
    "ScoreDomain": {
      "title": "ScoreDomain",
      "description": "The range of possible account scores. Defaults: min 0, no max, integer scores.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "min": {
          "type": "number",
          "default": 0,
          "description": "Lowest possible score."
        },
        "max": {
          "type": "number",
          "description": "Highest possible score; leave it out for no upper bound."
        },
        "integer": {
          "type": "boolean",
          "default": true,
          "description": "Whether scores are whole numbers (then 50-79 and 80-100 leave no gap)."
        }
      }
    }
  }
} as const;
