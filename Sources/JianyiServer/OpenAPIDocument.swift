// The OpenAPI 3.1 document of the HTTP API, served at /api/openapi.json: the contract the handlers keep
// (docs/api.md is the guide). Scripts/check-openapi validates it; edit the JSON here, pretty-printed.
let openAPIDocument: String = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "jianyi API",
    "version": "1",
    "summary": "Deputies' suggestions (代表建议) handled online: each party acts on its own cases.",
    "description": "The HTTP API of jianyi (建议办理), served by `jianyi serve` for the congress the server was started for. It offers each party the steps it may take on its own cases; the rules, deadlines and history are the same as the command line's (docs/api.md is the guide).\n\n**Signing in.** `POST /api/v1/tokens` with `{\"login\", \"password\"}` answers a bearer token; every other `/api/v1` call sends `Authorization: Bearer TOKEN`. A token expires at its `expires_at` (`serve --token-lifetime`, 12 hours by default), dies when the account is disabled or its password changes, and `DELETE /api/v1/tokens/current` ends it. Browsers sign in with `POST /session` instead: a cookie, not accepted by `/api/v1`, with a CSRF token every unsafe request of the session must carry. The account decides the party the caller acts as: a deputy, a unit (every account of a unit acts as that unit) or the secretariat.\n\n**Who sees what.** A deputy sees the cases it raised or co-signed; a unit the cases it is or was lead or co-handler of; the secretariat every case of its congress. A case the caller may not see answers 404 exactly like a number that does not exist. Lists, deadlines and timelines hold only what the caller may see.\n\n**Request bodies** are JSON objects whose keys are the CLI command's flag names without `--`, `-` becoming `_` (`--plan-by` → `plan_by`); a repeatable flag becomes an array (`--co` → `co`; `register --cosigner` → `cosigners`, as the contract names it); a flag without a value (`--complex`, `--done`, `--recess`) becomes a boolean. `on`, the day the step happened (`YYYY-MM-DD`), is optional everywhere and defaults to today in the congress's time zone. The acting party's own code (`deputy` in a submission, `unit` in a unit's step) may be omitted: the account implies it; a deputy or unit account naming another code there answers 403. The secretariat must give it (400 when missing). An unknown key is refused (400). The body is read as JSON (UTF-8) whatever the `Content-Type` says; at most 1 MiB (413).\n\n**Response objects** use the JSON keys of the CLI's `--format json` output. Days are `YYYY-MM-DD` (calendar days in the congress's time zone), instants RFC 3339 with the congress's UTC offset (`2026-06-01T09:00:00+08:00`), units and deputies appear as their codes. Keys may be added in later versions; none listed here is removed or renamed.\n\n**Errors** are `{\"error\": {\"code\", \"message\"}}`. The message is one line in Chinese, or in English when `Accept-Language` prefers English (its first language range is `en` or `en-*`); it names the body key or query parameter at fault as this document spells it (`plan_by`, not the CLI's `--plan-by`) and says why. An unknown path answers 404 `not_found` and a method a path does not offer 405 `method_not_allowed` (with `Allow`), before any other check. For an operation, the checks run in this order and the first that fails answers:\n\n| status | `code` | when |\n|---|---|---|\n| 401 | `unauthorized` | no `Authorization: Bearer` token, or one that is unknown, expired, revoked or of a disabled account; at sign-in, a wrong login or password (the same answer for both). Sent with `WWW-Authenticate: Bearer`. |\n| 413 | `too_large` | a request body over 1 MiB |\n| 400 | `invalid` | the request is malformed: what makes the CLI exit 64 (a refusal of kind `badValue`: a blank text, a session code not of the form TERM-MEETING, …) and, for HTTP, a body that is not JSON or not an object, an unknown key, a missing required key, a value of the wrong JSON type, a value not among the listed `enum` values (or other than `true` where `const: true` stands), a date not `YYYY-MM-DD` or not a real day from 1900-01-01 to 9999-12-31, a query parameter that is not of its type or out of its range, a text holding a NUL character, a secretariat's body without the `deputy` or `unit` it must give, two keys that exclude each other or none of those one is needed (a submission's `session` with `recess: true`, or none of `session`, `recess: true`, `channel`) |\n| 404 | `not_found` | no such case, or one the caller may not see (the same answer) |\n| 403 | `forbidden` | the caller's party may not take this step on this (visible) case, may not use this endpoint, or named another party's code as its own |\n| 409 | `conflict` | the step is not allowed in the case's state (the reason the CLI gives, naming the state and the steps it allows), a transfer request is already pending, or none is pending to decide, a contact already answered |\n| 422 | `invalid` | the request is well-formed but the data breaks a rule: the CLI's exit-65 refusals (kind `ruleBroken`) not answered 404 or 409 above, and the database refusing a value: an unknown deputy, unit or session code (a code not of the form of `Code` is unknown too), a day after today or before the case's previous step, a B reply without `plan_by`, a dissatisfied rating without `comment`, a title over 200 characters, a unit that is not assigned to the case, a co-signer who is the lead deputy or repeated, the transfer window closed, a contact the case does not have, a dispute without `note`, … |\n| 429 | `too_many_requests` | too many failed sign-ins for this login or from this address; `Retry-After` says how many seconds to wait |\n| 503 | `busy`, `unavailable` | `busy`: no database connection free within the server's wait; `unavailable`: the database unreachable, or a transaction that failed to serialize on each of its attempts (nothing was recorded); `Retry-After` says how many seconds to wait |\n| 500 | `internal` | a bug in jianyi (the CLI's exit 70); nothing was recorded |\n\nEvery step is one transaction recorded in the case's history with the signed-in account's login as its actor."
  },
  "tags": [
    {
      "name": "service",
      "description": "Health and this document; no token needed."
    },
    {
      "name": "accounts",
      "description": "Signing in and out."
    },
    {
      "name": "sessions",
      "description": "Browsers sign in with a cookie (for the pages); every unsafe request of a session carries its CSRF token."
    },
    {
      "name": "cases",
      "description": "Reading and submitting cases."
    },
    {
      "name": "steps",
      "description": "One POST per step of a case's handling; each answers a StepResult."
    },
    {
      "name": "reports",
      "description": "A unit's obligations; the secretariat's overdue runs and satisfaction summary."
    },
    {
      "name": "drafts",
      "description": "A unit's replies drafted by its staff and signed (签发) by its signer, when the unit has one."
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "paths": {
    "/healthz": {
      "get": {
        "operationId": "health",
        "tags": [
          "service"
        ],
        "summary": "Whether the service and its database answer.",
        "security": [],
        "responses": {
          "200": {
            "description": "The database answered.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "example": {
                  "status": "ok"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/openapi.json": {
      "get": {
        "operationId": "openapi",
        "tags": [
          "service"
        ],
        "summary": "This document.",
        "security": [],
        "responses": {
          "200": {
            "description": "The OpenAPI 3.1 document.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/tokens": {
      "post": {
        "operationId": "signIn",
        "tags": [
          "accounts"
        ],
        "summary": "Sign in: a bearer token for an account.",
        "description": "A wrong login, a wrong password and a disabled account all answer the same 401. An account with a second factor (`jianyi account totp`) also gives `totp`; a missing or wrong code answers 401 too, and counts like a wrong password. When the congress's policy `secretariat_totp` is 1, a secretariat account without a second factor answers 403 naming the command that enrolls it. Failed sign-ins are counted per login and per address; past the limit the server answers 429 with Retry-After, without checking the password.",
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TokenRequest"
              },
              "example": {
                "login": "sjj-li",
                "password": "correct horse battery"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Signed in.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Token"
                },
                "example": {
                  "token": "q0Zt3mS8Yp1k7Rr2VwXc9LbN4hJd6FgA5eUoTiEsWzM",
                  "role": "unit",
                  "expires_at": "2026-06-01T21:00:00+08:00"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/tokens/current": {
      "delete": {
        "operationId": "signOut",
        "tags": [
          "accounts"
        ],
        "summary": "Sign out: the token of this request dies.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "204": {
            "description": "The token is revoked."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/session": {
      "post": {
        "operationId": "startSession",
        "tags": [
          "sessions"
        ],
        "summary": "A browser signs in: sets the session cookie.",
        "description": "The form of the sign-in page. Refused and throttled exactly like `POST /api/v1/tokens` (the same failures count for both): a wrong login, a wrong password, a disabled account and a missing or wrong second-factor code (`totp`) all answer the same 401; a secretariat account the congress requires a second factor of and that has none answers 403; past the limit, 429 with Retry-After without checking the password. The cookie holds the session token and its CSRF token; the server keeps only their hashes. The session lives as long as a bearer token (`serve --token-lifetime`).",
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "$ref": "#/components/schemas/SessionRequest"
              },
              "example": {
                "login": "sjj-li",
                "password": "correct horse battery"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Signed in; the cookie is set.",
            "headers": {
              "Set-Cookie": {
                "description": "`jianyi_session=TOKEN.CSRF; Path=/; HttpOnly; SameSite=Lax`, with `; Secure` when the client came over HTTPS (as a trusted proxy's `X-Forwarded-Proto` says).",
                "schema": {
                  "type": "string"
                }
              },
              "Cache-Control": {
                "description": "`no-store`: the answer holds the CSRF token.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Session"
                },
                "example": {
                  "login": "sjj-li",
                  "role": "unit",
                  "csrf": "Hk3xP0aQv7nW2cR9tYb5LmZ8sD4fG6jE1uVo3iKpNqA"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "get": {
        "operationId": "showSession",
        "tags": [
          "sessions"
        ],
        "summary": "Who the browser is signed in as, and the CSRF token its forms must carry.",
        "security": [
          {
            "sessionCookie": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The session's account and CSRF token.",
            "headers": {
              "Cache-Control": {
                "description": "`no-store`: the answer holds the CSRF token.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Session"
                },
                "example": {
                  "login": "sjj-li",
                  "role": "unit",
                  "csrf": "Hk3xP0aQv7nW2cR9tYb5LmZ8sD4fG6jE1uVo3iKpNqA"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/NoSession"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/session/end": {
      "post": {
        "operationId": "endSession",
        "tags": [
          "sessions"
        ],
        "summary": "A browser signs out: the session ends and the cookie is dropped.",
        "description": "Like every unsafe request of a session, it must carry the session's CSRF token: in the header `X-CSRF-Token`, or in the form field `csrf`.",
        "security": [
          {
            "sessionCookie": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          },
          {
            "name": "X-CSRF-Token",
            "in": "header",
            "required": false,
            "description": "The session's CSRF token (`csrf` of `GET /session`), unless the form field `csrf` carries it.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "$ref": "#/components/schemas/SessionEndRequest"
              },
              "example": {
                "csrf": "Hk3xP0aQv7nW2cR9tYb5LmZ8sD4fG6jE1uVo3iKpNqA"
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "Signed out; the cookie is cleared.",
            "headers": {
              "Set-Cookie": {
                "description": "`jianyi_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax` (and `; Secure` as when it was set).",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/NoSession"
          },
          "403": {
            "$ref": "#/components/responses/CSRFRefused"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases": {
      "get": {
        "operationId": "listCases",
        "tags": [
          "cases"
        ],
        "summary": "The caller's visible cases, filtered as `list` filters them, a page at a time.",
        "description": "Any party. Filters narrow the cases the caller may see; an unknown code matches nothing. Pages: `limit` and `offset` over the cases in number order; `total` counts them all.",
        "parameters": [
          {
            "name": "state",
            "in": "query",
            "required": false,
            "description": "Only cases in this state.",
            "schema": {
              "$ref": "#/components/schemas/CaseState"
            }
          },
          {
            "name": "unit",
            "in": "query",
            "required": false,
            "description": "Only cases this unit is currently assigned to (lead or co).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "deputy",
            "in": "query",
            "required": false,
            "description": "Only cases led by this deputy.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "session",
            "in": "query",
            "required": false,
            "description": "Only cases of this session, e.g. 5-4.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "key",
            "in": "query",
            "required": false,
            "description": "`true`: only key suggestions (重点建议). `false`, the default, does not filter.",
            "schema": {
              "type": "boolean",
              "default": false
            }
          },
          {
            "name": "overdue",
            "in": "query",
            "required": false,
            "description": "`true`: only cases with a reply, opinion, rehandle or plan deadline already passed (as of today). `false`, the default, does not filter.",
            "schema": {
              "type": "boolean",
              "default": false
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of cases.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CaseList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "post": {
        "operationId": "submitCase",
        "tags": [
          "cases"
        ],
        "summary": "Submit a suggestion (提交): `register`.",
        "description": "A deputy (as the lead deputy: `deputy` may be omitted) or the secretariat (on a deputy's behalf: `deputy` required). The number is given in its series, gapless.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Submission"
              },
              "example": {
                "title": "关于加快老旧小区改造的建议",
                "session": "5-4",
                "category": "城乡建设",
                "body": "……",
                "cosigners": [
                  "D002"
                ]
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Registered.",
            "headers": {
              "Location": {
                "description": "`/api/v1/cases/{number}`.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Created"
                },
                "example": {
                  "number": "5-4-0012"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "get": {
        "operationId": "showCase",
        "tags": [
          "cases"
        ],
        "summary": "One case with its text and timeline: `show --format json`.",
        "description": "Any party that may see the case.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The case.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/review": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "review",
        "tags": [
          "steps"
        ],
        "summary": "审查: accept or reject a submitted suggestion (`review --accept | --reject --reason`).",
        "description": "Who: The secretariat. State: submitted. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReviewBody"
              },
              "example": {
                "accept": true
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/withdraw": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "withdraw",
        "tags": [
          "steps"
        ],
        "summary": "撤回 (`withdraw --reason`).",
        "description": "Who: The lead deputy of the case (not a co-signer), or the secretariat. States: submitted, accepted. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WithdrawBody"
              },
              "example": {
                "reason": "问题已解决"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/assign": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "assign",
        "tags": [
          "steps"
        ],
        "summary": "交办 (`assign --lead [--co …] [--complex]`): sets the reply, opinion and transfer-window deadlines.",
        "description": "Who: The secretariat. State: accepted. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AssignBody"
              },
              "example": {
                "lead": "ZJJ",
                "co": [
                  "JTJ",
                  "CGJ"
                ],
                "complex": false,
                "on": "2024-02-20"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/transfer-requests": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "requestTransfer",
        "tags": [
          "steps"
        ],
        "summary": "申请调整交办 (`transfer request --unit --reason`).",
        "description": "Who: A unit currently assigned to the case (lead or co), for itself, or the secretariat naming the unit. State: assigned; within the unit's transfer window; one pending request at a time (409). One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TransferRequestBody"
              },
              "example": {
                "reason": "不属于本单位职责"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/transfer-decision": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "decideTransfer",
        "tags": [
          "steps"
        ],
        "summary": "Decide the pending transfer request (`transfer approve --to | transfer reject --reason`).",
        "description": "Who: The secretariat. State: assigned, with a pending request (409 when none). One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TransferDecisionBody"
              },
              "example": {
                "approve": true,
                "to": "CGJ"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/contacts": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "recordContact",
        "tags": [
          "steps"
        ],
        "summary": "沟通 (`contact --unit --mode [--note]`).",
        "description": "Who: A unit currently assigned to the case (lead or co), for itself, or the secretariat naming the unit. States: assigned, replied, rehandling, following. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContactBody"
              },
              "example": {
                "mode": "face_to_face",
                "note": "现场察看小区"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/contact-confirmations": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "answerContact",
        "tags": [
          "steps"
        ],
        "summary": "确认沟通 / 对沟通提出异议 (`contact confirm|dispute --contact [--note]`).",
        "description": "Who: The lead deputy of the case (a co-signer may not: 403; a unit may not: 403), or the secretariat keying in the deputy's answer on paper. States: assigned, replied, rehandling, following, closed. Answers one contact (its number in the case's `contacts`) once: a second answer is 409; a contact the case does not have, or a day before the contact's, is 422; a dispute needs a `note` (422). The case's state and deadlines stay; a disputed contact no longer counts as `contacted` in the satisfaction summary. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContactConfirmationBody"
              },
              "example": {
                "contact": 2,
                "dispute": true,
                "note": "未曾来电，只收到短信通知"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/opinions": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "sendOpinion",
        "tags": [
          "steps"
        ],
        "summary": "协办意见 (`opinion --unit --text`).",
        "description": "Who: A current co-handler of the case, for itself, or the secretariat naming it. States: assigned, rehandling, replied. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/OpinionBody"
              },
              "example": {
                "text": "同意主办单位意见，配合做好交通组织"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/reply": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "reply",
        "tags": [
          "steps"
        ],
        "summary": "答复 (`reply --unit --outcome [--plan-by] --text`).",
        "description": "Who: The case's lead unit, for itself, or the secretariat naming it (a reply signed on paper). When the unit has an enabled signer account, only a signer of it replies outright; its other accounts get 403 and submit a draft (`POST …/reply-drafts`) instead. A draft waiting when the reply is made is voided. States: assigned, rehandling. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReplyBody"
              },
              "example": {
                "outcome": "B",
                "plan_by": "2024-12-31",
                "text": "已列入年度计划"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/rating": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "rate",
        "tags": [
          "steps"
        ],
        "summary": "评价 (`rate --result [--attitude] [--comment]`).",
        "description": "Who: The lead deputy of the case (a co-signer may not: 403), or the secretariat. State: replied. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RatingBody"
              },
              "example": {
                "result": "dissatisfied",
                "attitude": "basic",
                "comment": "未解决停车难问题"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/follow-ups": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "recordFollowUp",
        "tags": [
          "steps"
        ],
        "summary": "跟踪落实 (`follow-up --progress [--done]`).",
        "description": "Who: The case's lead unit (its own B plan), or the secretariat. State: following. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/FollowUpBody"
              },
              "example": {
                "progress": "立体停车场已建成投用",
                "done": true
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/supervision": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "supervise",
        "tags": [
          "steps"
        ],
        "summary": "重点督办 (`supervise [--leader] [--committee]`).",
        "description": "Who: The secretariat. States: every state but rejected, withdrawn and closed. One transaction, recorded in the case's history with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SupervisionBody"
              },
              "example": {
                "leader": "张副主任",
                "committee": "城建环资工委"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/merge": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "merge",
        "tags": [
          "steps"
        ],
        "summary": "并案 (`merge NUMBER --into NUMBER [--note]`).",
        "description": "Who: The secretariat. States: submitted or accepted, and the case `into` too (409 otherwise, as for a case merged, or with cases merged into it). The case joins `into` and is handled, answered and rated as part of it (docs/domain.md, \"并案\"). One transaction, recorded in both cases' histories with the account's login.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MergeBody"
              },
              "example": {
                "into": "5-4-0012",
                "note": "同一路段交通问题"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/me/obligations": {
      "get": {
        "operationId": "myObligations",
        "tags": [
          "reports"
        ],
        "summary": "The calling unit's open obligations, most urgent first.",
        "description": "Unit accounts only (403 for a deputy or the secretariat). Every open reply, opinion, rehandle and plan obligation the unit owes on its cases (a transfer window and the deputy's rating are not owed by it), ordered by due day, then case number order, then the order the case opened them; tiers and days as of today.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of obligations.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ObligationList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/overdue/runs": {
      "get": {
        "operationId": "overdueRuns",
        "tags": [
          "reports"
        ],
        "summary": "Recent runs of the nightly overdue job: `overdue runs --format json`.",
        "description": "The secretariat only (403 otherwise). Newest first.",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "How many runs (default 20, at most 1000).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 20
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The runs.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/OverdueRun"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/satisfaction": {
      "get": {
        "operationId": "satisfaction",
        "tags": [
          "reports"
        ],
        "summary": "The satisfaction summary (满意度测评): `export satisfaction --format json`.",
        "description": "The secretariat only (403 otherwise). Counts assigned cases, one object per group, in the CLI's order.",
        "parameters": [
          {
            "name": "by",
            "in": "query",
            "required": false,
            "description": "How to group (default unit: the lead unit).",
            "schema": {
              "type": "string",
              "enum": [
                "unit",
                "category",
                "session",
                "delegation",
                "deputy"
              ],
              "default": "unit"
            }
          },
          {
            "name": "session",
            "in": "query",
            "required": false,
            "description": "Only cases of this session, e.g. 5-4.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "Only cases first replied on or after this day.",
            "schema": {
              "$ref": "#/components/schemas/Day"
            }
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "Only cases first replied on or before this day (400 when before `from`).",
            "schema": {
              "$ref": "#/components/schemas/Day"
            }
          },
          {
            "name": "key",
            "in": "query",
            "required": false,
            "description": "`true`: only key suggestions. `false`, the default, does not filter.",
            "schema": {
              "type": "boolean",
              "default": false
            }
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The groups.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Measures"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/reply-drafts": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "get": {
        "operationId": "caseDrafts",
        "tags": [
          "drafts"
        ],
        "summary": "The case's draft replies, oldest first.",
        "description": "The secretariat and the accounts of the case's lead unit. A deputy, a co-handler and a unit relieved of the lead see no drafts: 404, as for a case they do not see.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "The drafts.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Draft"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "post": {
        "operationId": "submitDraft",
        "tags": [
          "drafts"
        ],
        "summary": "拟稿: the lead unit's staff submits a draft reply for its signer.",
        "description": "Who: an account of the case's lead unit, for itself (another party: 403). States: assigned, rehandling (409). The unit must have an enabled signer account (409: a unit without one replies directly), and no other draft may be waiting (409). Checked as a reply is (422). Nothing enters the case's history until the draft is signed.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DraftBody"
              },
              "example": {
                "outcome": "B",
                "plan_by": "2024-12-31",
                "text": "已列入年度计划"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The draft, waiting for the signer.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Draft"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/reply-drafts/current/approve": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "signDraft",
        "tags": [
          "drafts"
        ],
        "summary": "签发: a signer approves the pending draft; it becomes the reply.",
        "description": "Who: an account of the lead unit with the signer right (staff: 403; the secretariat, which sees drafts but signs none: 403; a deputy or a co-handler: 404). The reply is exactly what `POST …/reply` makes on the signing day (`on`): the reply date is the signing day, the clock stops then, and the plan date of a B draft must not be before it (422). Its `replied` event has the signer as actor and names `drafted_by` and `signed_by`. No draft waiting, or the case no longer waiting for a reply: 409.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SignBody"
              },
              "example": {}
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/StepDone"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/cases/{number}/reply-drafts/current/return": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Number"
        }
      ],
      "post": {
        "operationId": "returnDraft",
        "tags": [
          "drafts"
        ],
        "summary": "退回: a signer sends the pending draft back to the staff with a comment.",
        "description": "Who: as for approve. The comment is required (422). The staff may then submit a new draft.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReturnBody"
              },
              "example": {
                "comment": "请补充办理时限"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The returned draft.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Draft"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/me/drafts": {
      "get": {
        "operationId": "myDrafts",
        "tags": [
          "drafts"
        ],
        "summary": "The calling unit's draft replies waiting for its signer (the signer's queue).",
        "description": "Unit accounts only (403 for a deputy or the secretariat); the unit's staff see what waits too. Oldest first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          },
          {
            "$ref": "#/components/parameters/AcceptLanguage"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of drafts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DraftList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "A token from `POST /api/v1/tokens`: `Authorization: Bearer TOKEN`."
      },
      "sessionCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "jianyi_session",
        "description": "A browser's session from `POST /session`. Not accepted by `/api/v1` (which takes bearer tokens only); a bearer token is not accepted as this cookie."
      }
    },
    "parameters": {
      "AcceptLanguage": {
        "name": "Accept-Language",
        "in": "header",
        "required": false,
        "description": "`en` (or `en-*` first) for English error messages; anything else, or none, gives Chinese.",
        "schema": {
          "type": "string"
        },
        "example": "en"
      },
      "Number": {
        "name": "number",
        "in": "path",
        "required": true,
        "description": "The case's number. A number that does not exist, is not well-formed, or names a case the caller may not see answers 404.",
        "schema": {
          "type": "string"
        },
        "example": "5-4-0012"
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Page size (default 50, at most 500).",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 50
        }
      },
      "Offset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "description": "How many items to skip (default 0).",
        "schema": {
          "type": "integer",
          "minimum": 0,
          "maximum": 2147483647,
          "default": 0
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "`invalid`: the request is malformed; the message names the field or parameter and why.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "`unauthorized`: no bearer token, or one unknown, expired, revoked or of a disabled account.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        },
        "headers": {
          "WWW-Authenticate": {
            "description": "`Bearer`.",
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "NoSession": {
        "description": "`unauthorized`: no session cookie, or one of a session that ended (signed out, expired, account disabled, password changed).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Forbidden": {
        "description": "`forbidden`: the caller's party may not do this (or named another party's code as its own).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "CSRFRefused": {
        "description": "`forbidden`: an unsafe request of a session without its CSRF token (or with another).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "`not_found`: no such case, or one the caller may not see (the same answer).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Conflict": {
        "description": "`conflict`: the step is not allowed in the case's state (the message names the state and the steps it allows), or a transfer request is already pending / none is pending.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "TooLarge": {
        "description": "`too_large`: the body is over 1 MiB.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unprocessable": {
        "description": "`invalid`: well-formed, but the data breaks a rule; the message names the field and why.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "`too_many_requests`: too many failed sign-ins for this login or from this address.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        },
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        }
      },
      "Internal": {
        "description": "`internal`: a bug in jianyi; nothing was recorded.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unavailable": {
        "description": "`busy`: no database connection free within the server's wait; `unavailable`: the database unreachable, or a transaction that failed to serialize on each attempt. Nothing was recorded.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        },
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        }
      },
      "StepDone": {
        "description": "The step is recorded.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/StepResult"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "description": "Every error answer.",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message"
            ],
            "properties": {
              "code": {
                "$ref": "#/components/schemas/ErrorCode"
              },
              "message": {
                "type": "string",
                "description": "One line, Chinese unless `Accept-Language` prefers English; names the field or parameter at fault and why.",
                "examples": [
                  "rating: 'result' is missing"
                ]
              }
            }
          }
        }
      },
      "ErrorCode": {
        "type": "string",
        "enum": [
          "invalid",
          "unauthorized",
          "forbidden",
          "not_found",
          "method_not_allowed",
          "conflict",
          "too_large",
          "too_many_requests",
          "internal",
          "unavailable",
          "busy"
        ],
        "description": "invalid: 400 (malformed request) or 422 (a rule of the data refuses it); unauthorized: 401; forbidden: 403; not_found: 404; method_not_allowed: 405; conflict: 409; too_large: 413; too_many_requests: 429; internal: 500; busy: 503 (no database connection free within the server's wait); unavailable: 503 (the database unreachable, or a transaction that failed to serialize on each attempt)."
      },
      "Day": {
        "type": "string",
        "format": "date",
        "pattern": "^(19[0-9]{2}|[2-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        "description": "A calendar day in the congress's time zone, YYYY-MM-DD, from 1900-01-01 to 9999-12-31.",
        "examples": [
          "2024-02-20"
        ]
      },
      "Instant": {
        "type": "string",
        "format": "date-time",
        "description": "An instant, RFC 3339 with the congress's UTC offset.",
        "examples": [
          "2024-02-20T09:30:00+08:00"
        ]
      },
      "CaseNumber": {
        "type": "string",
        "pattern": "^([0-9]{1,3}-[0-9]{1,3}|R[0-9]{4})-[0-9]{4,10}$",
        "description": "A suggestion's number: its series (a session code such as 5-4, or R and the year for recess) and its sequence, at least 4 digits.",
        "examples": [
          "5-4-0012",
          "R2026-0003"
        ]
      },
      "Code": {
        "type": "string",
        "pattern": "^[A-Za-z0-9_.-]{1,32}$",
        "description": "A deputy's or unit's code.",
        "examples": [
          "SJJ",
          "D001"
        ]
      },
      "SessionCode": {
        "type": "string",
        "pattern": "^[0-9]{1,3}-[0-9]{1,3}$",
        "description": "A session: term and meeting (5-4 = 五届四次会议).",
        "examples": [
          "5-4"
        ]
      },
      "CaseState": {
        "type": "string",
        "enum": [
          "submitted",
          "accepted",
          "rejected",
          "withdrawn",
          "assigned",
          "replied",
          "rehandling",
          "following",
          "closed",
          "merged"
        ],
        "description": "Where a case stands (docs/domain.md)."
      },
      "Channel": {
        "type": "string",
        "enum": [
          "session",
          "recess",
          "liaison_station"
        ],
        "description": "Where the suggestion was raised."
      },
      "ObligationKind": {
        "type": "string",
        "enum": [
          "reply",
          "opinion",
          "transfer_window",
          "rehandle",
          "plan",
          "rating"
        ],
        "description": "What is owed: reply (主办答复), opinion (协办意见), transfer_window (申请调整交办 window), rehandle (重新办理答复), plan (B类计划完成), rating (the deputy's rating, a reminder)."
      },
      "WatchedObligation": {
        "type": "string",
        "enum": [
          "reply",
          "opinion",
          "rehandle",
          "plan"
        ],
        "description": "An obligation a unit owes and the overdue job watches."
      },
      "DeadlineStatus": {
        "type": "string",
        "enum": [
          "open",
          "overdue",
          "met",
          "late",
          "cancelled",
          "expired"
        ],
        "description": "A deadline's status today: open (not done, not past), overdue (not done, past), met (done by the due day), late (done after it), cancelled (no longer owed), expired (a transfer window that passed unused)."
      },
      "Outcome": {
        "type": "string",
        "enum": [
          "A",
          "B",
          "C"
        ],
        "description": "A: solved or basically solved; B: being solved or planned (needs plan_by); C: to be solved later or kept for reference."
      },
      "Satisfaction": {
        "type": "string",
        "enum": [
          "satisfied",
          "basic",
          "dissatisfied"
        ]
      },
      "ContactMode": {
        "type": "string",
        "enum": [
          "face_to_face",
          "phone",
          "visit",
          "written",
          "online"
        ]
      },
      "ContactConfirmation": {
        "type": "string",
        "enum": [
          "confirmed",
          "disputed"
        ],
        "description": "The deputy's answer to a recorded contact: confirmed (it happened as recorded) or disputed (it did not; the deputy's note says what happened)."
      },
      "OverdueTier": {
        "type": "string",
        "enum": [
          "due_soon",
          "overdue",
          "severely_overdue"
        ],
        "description": "due_soon: due within the warning window (warn_working_days working days, today included); overdue: past due by fewer than severe_days calendar days; severely_overdue: by severe_days or more."
      },
      "EventKind": {
        "type": "string",
        "enum": [
          "registered",
          "accepted",
          "rejected",
          "withdrawn",
          "assigned",
          "transfer_requested",
          "transfer_approved",
          "transfer_rejected",
          "contacted",
          "opinion",
          "replied",
          "rated",
          "follow_up",
          "supervised",
          "contact_confirmed",
          "contact_disputed",
          "merged",
          "merge_received",
          "publish_consent",
          "publication_decided"
        ]
      },
      "Role": {
        "type": "string",
        "enum": [
          "deputy",
          "unit",
          "secretariat"
        ],
        "description": "The party an account acts as."
      },
      "Deadline": {
        "type": "object",
        "required": [
          "obligation",
          "unit",
          "due",
          "status",
          "met_on"
        ],
        "properties": {
          "obligation": {
            "$ref": "#/components/schemas/ObligationKind"
          },
          "unit": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Code"
              },
              {
                "type": "null"
              }
            ],
            "description": "The unit that owes it; null for the deputy's rating."
          },
          "due": {
            "$ref": "#/components/schemas/Day"
          },
          "status": {
            "$ref": "#/components/schemas/DeadlineStatus"
          },
          "met_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "Contact": {
        "type": "object",
        "description": "A contact (沟通) a unit recorded, with the deputy's answer.",
        "required": [
          "contact",
          "unit",
          "mode",
          "on",
          "note",
          "confirmation",
          "confirmed_on",
          "confirmation_note"
        ],
        "properties": {
          "contact": {
            "type": "integer",
            "minimum": 1,
            "description": "Its number on the case, in the order recorded: what `contact-confirmations` names."
          },
          "unit": {
            "$ref": "#/components/schemas/Code",
            "description": "The unit that recorded it."
          },
          "mode": {
            "$ref": "#/components/schemas/ContactMode"
          },
          "on": {
            "$ref": "#/components/schemas/Day"
          },
          "note": {
            "type": "string",
            "description": "What the unit noted (may be empty)."
          },
          "confirmation": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/ContactConfirmation"
              },
              {
                "type": "null"
              }
            ],
            "description": "The deputy's answer; null until given."
          },
          "confirmed_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ],
            "description": "The day of the answer; null until given."
          },
          "confirmation_note": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ],
            "description": "The deputy's note with the answer (a dispute's account of what happened); null until given."
          }
        }
      },
      "CaseSummary": {
        "type": "object",
        "description": "A case as `list --format json` prints it.",
        "required": [
          "number",
          "id",
          "title",
          "state",
          "deputy",
          "cosigners",
          "session",
          "channel",
          "station",
          "category",
          "submitted_on",
          "key",
          "key_leader",
          "key_committee",
          "lead_unit",
          "co_units",
          "complex",
          "assigned_on",
          "reply_due",
          "replied_on",
          "outcome",
          "plan_by",
          "plan_done_on",
          "rating_result",
          "rating_attitude",
          "round",
          "closed_on",
          "deadlines"
        ],
        "properties": {
          "number": {
            "$ref": "#/components/schemas/CaseNumber"
          },
          "id": {
            "type": "integer",
            "description": "The case's internal id."
          },
          "title": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/CaseState"
          },
          "deputy": {
            "$ref": "#/components/schemas/Code",
            "description": "The lead deputy (领衔代表)."
          },
          "cosigners": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Code"
            },
            "description": "Co-signing deputies (附议), in the order given."
          },
          "session": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/SessionCode"
              },
              {
                "type": "null"
              }
            ],
            "description": "null for a suggestion raised in recess."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel"
          },
          "station": {
            "type": [
              "string",
              "null"
            ],
            "description": "The liaison station's name."
          },
          "category": {
            "type": "string"
          },
          "submitted_on": {
            "$ref": "#/components/schemas/Day"
          },
          "key": {
            "type": "boolean",
            "description": "A key suggestion (重点建议)."
          },
          "key_leader": {
            "type": [
              "string",
              "null"
            ]
          },
          "key_committee": {
            "type": [
              "string",
              "null"
            ]
          },
          "lead_unit": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Code"
              },
              {
                "type": "null"
              }
            ]
          },
          "co_units": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Code"
            },
            "description": "The current co-handlers."
          },
          "complex": {
            "type": "boolean"
          },
          "assigned_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "reply_due": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ],
            "description": "The due day of the current round's reply (or rehandling)."
          },
          "replied_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "outcome": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Outcome"
              },
              {
                "type": "null"
              }
            ]
          },
          "plan_by": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "plan_done_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "rating_result": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Satisfaction"
              },
              {
                "type": "null"
              }
            ]
          },
          "rating_attitude": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Satisfaction"
              },
              {
                "type": "null"
              }
            ]
          },
          "round": {
            "type": [
              "integer",
              "null"
            ],
            "enum": [
              1,
              2,
              null
            ],
            "description": "The handling round; null before assignment."
          },
          "closed_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "deadlines": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Deadline"
            },
            "description": "The obligations the caller may see, in the order they were opened."
          }
        }
      },
      "Case": {
        "type": "object",
        "description": "A case as `show --format json` prints it: the summary, its text and its timeline.",
        "required": [
          "number",
          "id",
          "title",
          "state",
          "deputy",
          "cosigners",
          "session",
          "channel",
          "station",
          "category",
          "submitted_on",
          "key",
          "key_leader",
          "key_committee",
          "lead_unit",
          "co_units",
          "complex",
          "assigned_on",
          "reply_due",
          "replied_on",
          "outcome",
          "plan_by",
          "plan_done_on",
          "rating_result",
          "rating_attitude",
          "round",
          "closed_on",
          "deadlines",
          "merged_into",
          "merged",
          "contacts",
          "body",
          "timeline"
        ],
        "properties": {
          "number": {
            "$ref": "#/components/schemas/CaseNumber"
          },
          "id": {
            "type": "integer",
            "description": "The case's internal id."
          },
          "title": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/CaseState"
          },
          "deputy": {
            "$ref": "#/components/schemas/Code",
            "description": "The lead deputy (领衔代表)."
          },
          "cosigners": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Code"
            },
            "description": "Co-signing deputies (附议), in the order given."
          },
          "session": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/SessionCode"
              },
              {
                "type": "null"
              }
            ],
            "description": "null for a suggestion raised in recess."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel"
          },
          "station": {
            "type": [
              "string",
              "null"
            ],
            "description": "The liaison station's name."
          },
          "category": {
            "type": "string"
          },
          "submitted_on": {
            "$ref": "#/components/schemas/Day"
          },
          "key": {
            "type": "boolean",
            "description": "A key suggestion (重点建议)."
          },
          "key_leader": {
            "type": [
              "string",
              "null"
            ]
          },
          "key_committee": {
            "type": [
              "string",
              "null"
            ]
          },
          "lead_unit": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Code"
              },
              {
                "type": "null"
              }
            ]
          },
          "co_units": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Code"
            },
            "description": "The current co-handlers."
          },
          "complex": {
            "type": "boolean"
          },
          "assigned_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "reply_due": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ],
            "description": "The due day of the current round's reply (or rehandling)."
          },
          "replied_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "outcome": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Outcome"
              },
              {
                "type": "null"
              }
            ]
          },
          "plan_by": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "plan_done_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "rating_result": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Satisfaction"
              },
              {
                "type": "null"
              }
            ]
          },
          "rating_attitude": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Satisfaction"
              },
              {
                "type": "null"
              }
            ]
          },
          "round": {
            "type": [
              "integer",
              "null"
            ],
            "enum": [
              1,
              2,
              null
            ],
            "description": "The handling round; null before assignment."
          },
          "closed_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "deadlines": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Deadline"
            },
            "description": "The obligations the caller may see, in the order they were opened."
          },
          "merged_into": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/CaseNumber"
              },
              {
                "type": "null"
              }
            ],
            "description": "并案: the case this one was merged into (its state is then merged), or null."
          },
          "merged": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CaseNumber"
            },
            "description": "并案: the cases merged into this one that the caller sees, in number order."
          },
          "contacts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Contact"
            },
            "description": "The contacts units recorded, in the order recorded, each with the deputy's answer."
          },
          "body": {
            "type": "string",
            "description": "The text of the suggestion (may be empty)."
          },
          "timeline": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Event"
            },
            "description": "The events the caller may see, oldest first."
          }
        }
      },
      "Event": {
        "type": "object",
        "required": [
          "event",
          "kind",
          "on",
          "recorded_at",
          "actor",
          "data"
        ],
        "properties": {
          "event": {
            "type": "integer",
            "minimum": 1,
            "description": "The event's number in the case's history."
          },
          "kind": {
            "$ref": "#/components/schemas/EventKind"
          },
          "on": {
            "$ref": "#/components/schemas/Day"
          },
          "recorded_at": {
            "$ref": "#/components/schemas/Instant"
          },
          "actor": {
            "type": "string",
            "description": "Who recorded it: the account's login (or the CLI's user)."
          },
          "data": {
            "type": "object",
            "description": "The step's details as recorded (its inputs and the `state` it left the case in), e.g. `{\"unit\":\"SJJ\",\"mode\":\"phone\",\"note\":\"\",\"state\":\"assigned\"}` for a contact."
          }
        }
      },
      "CaseList": {
        "type": "object",
        "required": [
          "cases",
          "limit",
          "offset",
          "total"
        ],
        "properties": {
          "cases": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CaseSummary"
            },
            "description": "In number order (series, then sequence)."
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 500
          },
          "offset": {
            "type": "integer",
            "minimum": 0
          },
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "How many cases match the filters in all (visible to the caller)."
          }
        }
      },
      "Created": {
        "type": "object",
        "description": "A case submitted.",
        "required": [
          "number"
        ],
        "properties": {
          "number": {
            "$ref": "#/components/schemas/CaseNumber"
          }
        }
      },
      "CreatedObligation": {
        "type": "object",
        "required": [
          "obligation",
          "unit",
          "due"
        ],
        "properties": {
          "obligation": {
            "$ref": "#/components/schemas/ObligationKind"
          },
          "unit": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Code"
              },
              {
                "type": "null"
              }
            ],
            "description": "null for the deputy's rating."
          },
          "due": {
            "$ref": "#/components/schemas/Day"
          }
        }
      },
      "StepResult": {
        "type": "object",
        "description": "What a step did: the state it left the case in, the deadlines it set, and calendar warnings.",
        "required": [
          "number",
          "state",
          "created",
          "warnings"
        ],
        "properties": {
          "number": {
            "$ref": "#/components/schemas/CaseNumber"
          },
          "state": {
            "$ref": "#/components/schemas/CaseState"
          },
          "created": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CreatedObligation"
            },
            "description": "The obligations the step opened, in order."
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Calendar years the deadline counting needed but the congress's calendar lacks (the count went on with weekends only)."
          }
        }
      },
      "Obligation": {
        "type": "object",
        "description": "One open obligation of the calling unit.",
        "required": [
          "number",
          "title",
          "obligation",
          "unit",
          "round",
          "due",
          "tier",
          "days_overdue"
        ],
        "properties": {
          "number": {
            "$ref": "#/components/schemas/CaseNumber"
          },
          "title": {
            "type": "string"
          },
          "obligation": {
            "$ref": "#/components/schemas/WatchedObligation"
          },
          "unit": {
            "$ref": "#/components/schemas/Code",
            "description": "The calling unit's code."
          },
          "round": {
            "type": "integer",
            "enum": [
              1,
              2
            ]
          },
          "due": {
            "$ref": "#/components/schemas/Day"
          },
          "tier": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/OverdueTier"
              },
              {
                "type": "null"
              }
            ],
            "description": "The tier as of `as_of`, by the same rule as the nightly job (the policy's warn_working_days and severe_days); null while the due day is beyond the warning window."
          },
          "days_overdue": {
            "type": "integer",
            "description": "`as_of` minus `due` in calendar days, as in the overdue report: positive when past due, 0 when due today, negative (minus the days left) before."
          }
        }
      },
      "ObligationList": {
        "type": "object",
        "required": [
          "as_of",
          "obligations",
          "limit",
          "offset",
          "total"
        ],
        "properties": {
          "as_of": {
            "$ref": "#/components/schemas/Day",
            "description": "Today in the congress's time zone: the day tiers and days_overdue are counted from."
          },
          "obligations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Obligation"
            },
            "description": "Most urgent first: by due day, then case number order, then the order the case opened them."
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 500
          },
          "offset": {
            "type": "integer",
            "minimum": 0
          },
          "total": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "OverdueRun": {
        "type": "object",
        "description": "One run of the nightly job, as `overdue runs --format json` prints it.",
        "required": [
          "run_id",
          "as_of",
          "started_at",
          "finished_at",
          "warn_days",
          "flags",
          "new_flags",
          "due_soon",
          "overdue",
          "severely_overdue",
          "warnings"
        ],
        "properties": {
          "run_id": {
            "type": "integer"
          },
          "as_of": {
            "$ref": "#/components/schemas/Day"
          },
          "started_at": {
            "$ref": "#/components/schemas/Instant"
          },
          "finished_at": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Instant"
              },
              {
                "type": "null"
              }
            ]
          },
          "warn_days": {
            "type": "integer",
            "minimum": 0
          },
          "flags": {
            "type": "integer",
            "minimum": 0
          },
          "new_flags": {
            "type": "integer",
            "minimum": 0
          },
          "due_soon": {
            "type": "integer",
            "minimum": 0
          },
          "overdue": {
            "type": "integer",
            "minimum": 0
          },
          "severely_overdue": {
            "type": "integer",
            "minimum": 0
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "Measures": {
        "type": "object",
        "description": "One group of the satisfaction summary, as `export satisfaction --format json` prints it (docs/domain.md says how each is counted).",
        "required": [
          "group",
          "group_name",
          "cases",
          "replied",
          "replied_on_time",
          "unreplied_past_due",
          "on_time_rate",
          "replied_on_time_rate",
          "contacted",
          "contact_rate",
          "rated",
          "satisfied",
          "basic",
          "dissatisfied",
          "satisfaction_rate",
          "satisfied_rate",
          "attitude_satisfaction_rate",
          "first_round_dissatisfied",
          "outcome_a",
          "outcome_b",
          "outcome_c",
          "resolution_rate",
          "attitude_rated",
          "attitude_satisfied",
          "resolved",
          "closed",
          "completion_rate"
        ],
        "properties": {
          "group": {
            "type": "string",
            "description": "The group's key: a unit's or deputy's code, a category, a session code or a delegation."
          },
          "group_name": {
            "type": "string",
            "description": "The group's name (a unit's or deputy's name; else the key)."
          },
          "cases": {
            "type": "integer",
            "minimum": 0
          },
          "replied": {
            "type": "integer",
            "minimum": 0
          },
          "replied_on_time": {
            "type": "integer",
            "minimum": 0
          },
          "unreplied_past_due": {
            "type": "integer",
            "minimum": 0,
            "description": "Cases not replied (round 1) whose reply was due before the report's day (today)."
          },
          "on_time_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "按期答复率: replied_on_time / (replied + unreplied_past_due), so a unit that never replies is not on time. A decimal with 4 places; null when the denominator is 0."
          },
          "replied_on_time_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "The on-time share of the replied cases alone: replied_on_time / replied (what on_time_rate counted before). A decimal with 4 places; null when the denominator is 0."
          },
          "contacted": {
            "type": "integer",
            "minimum": 0
          },
          "contact_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "A decimal with 4 places; null when the denominator is 0."
          },
          "rated": {
            "type": "integer",
            "minimum": 0
          },
          "satisfied": {
            "type": "integer",
            "minimum": 0
          },
          "basic": {
            "type": "integer",
            "minimum": 0
          },
          "dissatisfied": {
            "type": "integer",
            "minimum": 0
          },
          "satisfaction_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "A decimal with 4 places; null when the denominator is 0."
          },
          "satisfied_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "A decimal with 4 places; null when the denominator is 0."
          },
          "attitude_satisfaction_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "A decimal with 4 places; null when the denominator is 0."
          },
          "first_round_dissatisfied": {
            "type": "integer",
            "minimum": 0
          },
          "outcome_a": {
            "type": "integer",
            "minimum": 0
          },
          "outcome_b": {
            "type": "integer",
            "minimum": 0
          },
          "outcome_c": {
            "type": "integer",
            "minimum": 0
          },
          "resolution_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "A decimal with 4 places; null when the denominator is 0."
          },
          "attitude_rated": {
            "type": "integer",
            "minimum": 0
          },
          "attitude_satisfied": {
            "type": "integer",
            "minimum": 0
          },
          "resolved": {
            "type": "integer",
            "minimum": 0
          },
          "closed": {
            "type": "integer",
            "minimum": 0
          },
          "completion_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "description": "A decimal with 4 places; null when the denominator is 0."
          }
        }
      },
      "Token": {
        "type": "object",
        "required": [
          "token",
          "role",
          "expires_at"
        ],
        "properties": {
          "token": {
            "type": "string",
            "minLength": 22,
            "description": "The bearer token (random, at least 128 bits, base64url). Shown once: the server keeps only its hash."
          },
          "role": {
            "$ref": "#/components/schemas/Role"
          },
          "expires_at": {
            "$ref": "#/components/schemas/Instant"
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          }
        }
      },
      "TokenRequest": {
        "type": "object",
        "description": "Sign in.",
        "additionalProperties": false,
        "properties": {
          "login": {
            "type": "string",
            "minLength": 1
          },
          "password": {
            "type": "string",
            "minLength": 1,
            "format": "password"
          },
          "totp": {
            "type": "string",
            "description": "For an account with a second factor (`jianyi account totp`): the authenticator's 6-digit code (RFC 6238; each code once, one 30-second step of drift either way) or one of its recovery codes (each once). Missing or wrong: the same 401, counted like a wrong password.",
            "format": "password"
          }
        },
        "required": [
          "login",
          "password"
        ]
      },
      "Submission": {
        "type": "object",
        "description": "A suggestion submitted (提交), as `register` takes it. Where it was raised: `session`, or `recess: true`, or a `channel` of recess or liaison_station (then without session). As the CLI's usage errors, `session` with `recess: true`, or none of the three, is refused with 400; `channel: session` without `session`, or a `session` with another channel, with 422.",
        "additionalProperties": false,
        "properties": {
          "title": {
            "type": "string",
            "description": "At most 200 characters. Not blank.",
            "maxLength": 200
          },
          "deputy": {
            "$ref": "#/components/schemas/Code",
            "description": "The lead deputy (a deputy account may omit it: its own code; the secretariat must give it)."
          },
          "cosigners": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Code"
            },
            "description": "Co-signing deputies (`--cosigner`, repeatable), none the lead, none twice."
          },
          "session": {
            "$ref": "#/components/schemas/SessionCode"
          },
          "recess": {
            "type": "boolean",
            "description": "Raised between sessions (闭会期间)."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "Default: session with `session`, else recess."
          },
          "station": {
            "type": "string",
            "description": "The liaison station's name."
          },
          "category": {
            "type": "string",
            "description": "Default 其他."
          },
          "body": {
            "type": "string",
            "description": "The text of the suggestion (default empty)."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day it was submitted (default today); not after today."
          }
        },
        "required": [
          "title"
        ]
      },
      "ReviewBody": {
        "description": "审查: `{\"accept\": true}`, or `{\"reject\": true, \"reason\": …}` (不予立案).",
        "oneOf": [
          {
            "type": "object",
            "description": "Accept (立案).",
            "additionalProperties": false,
            "properties": {
              "accept": {
                "type": "boolean",
                "const": true
              },
              "on": {
                "$ref": "#/components/schemas/Day",
                "description": "The day the step happened (default today); not after today, not before the case's previous step."
              }
            },
            "required": [
              "accept"
            ]
          },
          {
            "type": "object",
            "description": "Reject (不予立案).",
            "additionalProperties": false,
            "properties": {
              "reject": {
                "type": "boolean",
                "const": true
              },
              "reason": {
                "type": "string",
                "description": "Why it is rejected. Not blank."
              },
              "on": {
                "$ref": "#/components/schemas/Day",
                "description": "The day the step happened (default today); not after today, not before the case's previous step."
              }
            },
            "required": [
              "reject",
              "reason"
            ]
          }
        ]
      },
      "WithdrawBody": {
        "type": "object",
        "description": "撤回, before assignment.",
        "additionalProperties": false,
        "properties": {
          "reason": {
            "type": "string",
            "description": "Why. Not blank."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "reason"
        ]
      },
      "AssignBody": {
        "type": "object",
        "description": "交办: the lead unit, co-handlers and the deadlines they get.",
        "additionalProperties": false,
        "properties": {
          "lead": {
            "$ref": "#/components/schemas/Code",
            "description": "The lead unit (主办)."
          },
          "co": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Code"
            },
            "description": "Co-handlers (协办), none the lead, none twice."
          },
          "complex": {
            "type": "boolean",
            "description": "涉及面广、处理难度大: the longer reply period (default false)."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "lead"
        ]
      },
      "TransferRequestBody": {
        "type": "object",
        "description": "申请调整交办: an assigned unit asks, within its transfer window, to be replaced.",
        "additionalProperties": false,
        "properties": {
          "unit": {
            "$ref": "#/components/schemas/Code",
            "description": "The unit acting (a unit account may omit it: its own code; the secretariat must give it)."
          },
          "reason": {
            "type": "string",
            "description": "Why. Not blank."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "reason"
        ]
      },
      "TransferDecisionBody": {
        "description": "The secretariat decides the pending transfer request: `{\"approve\": true, \"to\": UNIT}` (the new unit takes the role; its clock starts on `on`) or `{\"reject\": true, \"reason\": …}` (the original deadlines stand).",
        "oneOf": [
          {
            "type": "object",
            "description": "Approve.",
            "additionalProperties": false,
            "properties": {
              "approve": {
                "type": "boolean",
                "const": true
              },
              "to": {
                "$ref": "#/components/schemas/Code",
                "description": "The unit that takes over."
              },
              "on": {
                "$ref": "#/components/schemas/Day",
                "description": "The day the step happened (default today); not after today, not before the case's previous step."
              }
            },
            "required": [
              "approve",
              "to"
            ]
          },
          {
            "type": "object",
            "description": "Reject.",
            "additionalProperties": false,
            "properties": {
              "reject": {
                "type": "boolean",
                "const": true
              },
              "reason": {
                "type": "string",
                "description": "Why. Not blank."
              },
              "on": {
                "$ref": "#/components/schemas/Day",
                "description": "The day the step happened (default today); not after today, not before the case's previous step."
              }
            },
            "required": [
              "reject",
              "reason"
            ]
          }
        ]
      },
      "ContactBody": {
        "type": "object",
        "description": "沟通: a contact between an assigned unit and the deputy.",
        "additionalProperties": false,
        "properties": {
          "unit": {
            "$ref": "#/components/schemas/Code",
            "description": "The unit acting (a unit account may omit it: its own code; the secretariat must give it)."
          },
          "mode": {
            "$ref": "#/components/schemas/ContactMode"
          },
          "note": {
            "type": "string",
            "description": "What was discussed (default empty)."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "mode"
        ]
      },
      "ContactConfirmationBody": {
        "type": "object",
        "description": "确认沟通 / 对沟通提出异议: the deputy's answer to one recorded contact.",
        "additionalProperties": false,
        "properties": {
          "contact": {
            "type": "integer",
            "description": "The contact's number on the case (`contact` in the case's `contacts`)."
          },
          "dispute": {
            "type": "boolean",
            "description": "true: dispute the contact (`contact dispute`); false or absent: confirm it (`contact confirm`)."
          },
          "note": {
            "type": "string",
            "description": "The deputy's note: required (not blank) for a dispute, the account of what happened; optional with a confirmation."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day of the answer (default today); not after today, not before the contact nor the case's previous step."
          }
        },
        "required": [
          "contact"
        ]
      },
      "OpinionBody": {
        "type": "object",
        "description": "协办意见: a co-handler's opinion to the lead.",
        "additionalProperties": false,
        "properties": {
          "unit": {
            "$ref": "#/components/schemas/Code",
            "description": "The unit acting (a unit account may omit it: its own code; the secretariat must give it)."
          },
          "text": {
            "type": "string",
            "description": "The opinion. Not blank."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "text"
        ]
      },
      "ReplyBody": {
        "type": "object",
        "description": "答复: the lead unit's reply.",
        "additionalProperties": false,
        "properties": {
          "unit": {
            "$ref": "#/components/schemas/Code",
            "description": "The unit acting (a unit account may omit it: its own code; the secretariat must give it). Must be the lead."
          },
          "outcome": {
            "$ref": "#/components/schemas/Outcome"
          },
          "plan_by": {
            "$ref": "#/components/schemas/Day",
            "description": "Required for outcome B (not before `on`), refused for A and C (422)."
          },
          "text": {
            "type": "string",
            "description": "The reply. Not blank."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "outcome",
          "text"
        ]
      },
      "RatingBody": {
        "type": "object",
        "description": "评价: the deputy rates the reply. Round 1 dissatisfied sends the case back (重新办理); outcome B rated satisfied or basic goes to follow-up; otherwise the case closes.",
        "additionalProperties": false,
        "properties": {
          "result": {
            "$ref": "#/components/schemas/Satisfaction"
          },
          "attitude": {
            "$ref": "#/components/schemas/Satisfaction"
          },
          "comment": {
            "type": "string",
            "description": "Required (not blank) when the result or the attitude is dissatisfied."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "result"
        ]
      },
      "FollowUpBody": {
        "type": "object",
        "description": "跟踪落实: progress on a B plan; `done` closes the case.",
        "additionalProperties": false,
        "properties": {
          "progress": {
            "type": "string",
            "description": "What has been done. Not blank."
          },
          "done": {
            "type": "boolean",
            "description": "The plan is done (default false)."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "progress"
        ]
      },
      "SupervisionBody": {
        "type": "object",
        "description": "重点督办: marks a key suggestion; the state stays. A leader or committee not given keeps its earlier value.",
        "additionalProperties": false,
        "properties": {
          "leader": {
            "type": "string",
            "description": "The supervising leader (主任会议成员)."
          },
          "committee": {
            "type": "string",
            "description": "The supervising committee (专委会/工委)."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before the case's previous step."
          }
        }
      },
      "MergeBody": {
        "type": "object",
        "description": "并案: this case joins the case `into`.",
        "additionalProperties": false,
        "required": [
          "into"
        ],
        "properties": {
          "into": {
            "type": "string",
            "description": "The number of the case it joins."
          },
          "note": {
            "type": "string",
            "description": "Why they are one matter (kept in both histories)."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day the step happened (default today); not after today, not before either case's previous step."
          }
        }
      },
      "SessionRequest": {
        "type": "object",
        "description": "The sign-in form. Other fields are ignored.",
        "properties": {
          "login": {
            "type": "string"
          },
          "password": {
            "type": "string",
            "format": "password"
          },
          "totp": {
            "type": "string",
            "description": "The second factor's code or a recovery code, for an account that has one (as TokenRequest's `totp`).",
            "format": "password"
          }
        },
        "required": [
          "login",
          "password"
        ]
      },
      "SessionEndRequest": {
        "type": "object",
        "description": "The sign-out form. Other fields are ignored.",
        "properties": {
          "csrf": {
            "type": "string",
            "description": "The session's CSRF token."
          }
        }
      },
      "Session": {
        "type": "object",
        "required": [
          "login",
          "role",
          "csrf"
        ],
        "properties": {
          "login": {
            "type": "string"
          },
          "role": {
            "$ref": "#/components/schemas/Role"
          },
          "csrf": {
            "type": "string",
            "description": "The CSRF token every unsafe request of this session must carry (`X-CSRF-Token` or the form field `csrf`)."
          }
        }
      },
      "DraftStatus": {
        "type": "string",
        "enum": [
          "pending",
          "signed",
          "returned",
          "void"
        ],
        "description": "pending: waits for a signer; signed: it became the case's reply; returned: sent back to the staff with a note; void: a reply made without it (a signer's own, the secretariat's paper reply) or a transfer of the lead made it moot."
      },
      "Draft": {
        "type": "object",
        "description": "A draft reply (答复件草稿) of the lead unit, for its signer.",
        "required": [
          "number",
          "draft",
          "round",
          "unit",
          "outcome",
          "plan_by",
          "text",
          "drafted_on",
          "drafted_by",
          "status",
          "decided_on",
          "decided_by",
          "note"
        ],
        "properties": {
          "number": {
            "$ref": "#/components/schemas/CaseNumber"
          },
          "title": {
            "type": "string",
            "description": "The case's title (in answers about one draft and in the queue)."
          },
          "draft": {
            "type": "integer",
            "minimum": 1,
            "description": "The draft's number on its case."
          },
          "round": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2
          },
          "unit": {
            "$ref": "#/components/schemas/Code"
          },
          "outcome": {
            "$ref": "#/components/schemas/Outcome"
          },
          "plan_by": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "text": {
            "type": "string"
          },
          "drafted_on": {
            "$ref": "#/components/schemas/Day"
          },
          "drafted_by": {
            "type": "string",
            "description": "The login of the account that drafted it."
          },
          "status": {
            "$ref": "#/components/schemas/DraftStatus"
          },
          "decided_on": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Day"
              },
              {
                "type": "null"
              }
            ]
          },
          "decided_by": {
            "type": [
              "string",
              "null"
            ],
            "description": "Who signed, returned or voided it."
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "description": "A return's comment for the staff, or why it was voided."
          }
        }
      },
      "DraftList": {
        "type": "object",
        "required": [
          "drafts",
          "limit",
          "offset",
          "total"
        ],
        "properties": {
          "drafts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Draft"
            },
            "description": "Oldest draft first, then case number order."
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 500
          },
          "offset": {
            "type": "integer",
            "minimum": 0
          },
          "total": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "DraftBody": {
        "type": "object",
        "description": "拟稿: the lead unit's draft reply, checked as a reply is (the plan date against the drafting day, then again against the signing day).",
        "additionalProperties": false,
        "properties": {
          "unit": {
            "$ref": "#/components/schemas/Code",
            "description": "The unit acting (a unit account may omit it: its own code; the secretariat must give it). Must be the lead."
          },
          "outcome": {
            "$ref": "#/components/schemas/Outcome"
          },
          "plan_by": {
            "$ref": "#/components/schemas/Day",
            "description": "Required for outcome B (not before `on`), refused for A and C (422)."
          },
          "text": {
            "type": "string",
            "description": "The reply. Not blank."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day it is drafted (default today); not after today, not before the case's previous step."
          }
        },
        "required": [
          "outcome",
          "text"
        ]
      },
      "SignBody": {
        "type": "object",
        "description": "签发: the signer approves the pending draft.",
        "additionalProperties": false,
        "properties": {
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day of the decision (default today); not after today, not before the draft's day or the case's previous step."
          }
        }
      },
      "ReturnBody": {
        "type": "object",
        "description": "退回: the signer sends the pending draft back.",
        "additionalProperties": false,
        "properties": {
          "comment": {
            "type": "string",
            "description": "What to change. Required and not blank (422 when missing or blank)."
          },
          "on": {
            "$ref": "#/components/schemas/Day",
            "description": "The day of the decision (default today); not after today, not before the draft's day or the case's previous step."
          }
        }
      }
    }
  }
}
"""#
