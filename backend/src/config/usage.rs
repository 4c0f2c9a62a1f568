//! The text of `--help`: every flag with its environment variable and default.

/// The usage text `--help` prints.
pub const USAGE: &str = "\
support-backend: the Support Portal reference backend (the /api/v1 contract and the built app)

USAGE: support-backend [OPTIONS]

Every option can also be set through its environment variable; the flag wins.

  --host HOST                  SP_HOST                   address to listen on [127.0.0.1]
  --port PORT                  SP_PORT                   port; 0 picks a free one [8080]
  --database PATH              SP_DATABASE               SQLite file, or :memory: [support-portal.db]
  --phase PHASE                SP_PHASE                  setup | enablement | live [live]
  --demo                       SP_DEMO=1                 seed demo data into an empty database
                                                         (on a database it did not seed: ignored, with a warning)
  --static-dir DIR             SP_STATIC_DIR             the built app to serve [dist]
  --session-ttl-minutes N      SP_SESSION_TTL_MINUTES    idle timeout, renewed by use [480]
  --session-max-hours N        SP_SESSION_MAX_HOURS      absolute lifetime of a session from sign-in, however
                                                         it is used [12; 1 to 8760]
  --secure-cookies             SP_SECURE_COOKIES=1       mark the session cookie Secure and send
                                                         Strict-Transport-Security (behind HTTPS)
  --connect-src ORIGINS        SP_CONNECT_SRC            extra CSP connect-src origins (space-separated)
  --allowed-origins ORIGINS    SP_ALLOWED_ORIGINS        extra origins allowed to change state (space-separated)
  --embed-origins ORIGINS      SP_EMBED_ORIGINS          origins whose pages may frame the portal and post messages
                                                         to it (space-separated scheme://host[:port]; CSP
                                                         frame-ancestors and embedOrigins of /config.json)
  --trusted-proxies ADDRS      SP_TRUSTED_PROXIES        IP addresses of the reverse proxies in front of the server
                                                         (space-separated); from them, the client is the last
                                                         X-Forwarded-For address that is not one of them
                                                         (sign-in throttling counts failures per client)
  --data-dir DIR               SP_DATA_DIR               where attachments are stored [data; a temp dir for :memory:]
  --max-attachment-mb N        SP_MAX_ATTACHMENT_MB      largest attachment accepted, in MiB [25]
  --agent-token TOKEN          SP_AGENT_TOKEN            bearer token of the agent API (/agent/v1); without it the
                                                         agent API answers 404 (with --demo: demo-agent-token)
  --host-token TOKEN           SP_HOST_TOKEN             bearer token with which a host mints hand-off tokens
                                                         (POST /api/v1/host/handoff); without it that answers
                                                         404 (with --demo: demo-host-token)
  --handoff-seconds N          SP_HANDOFF_SECONDS        how long a hand-off token works, once [60; 1 to 600]
  --auto-close-days N          SP_AUTO_CLOSE_DAYS        close cases awaiting the customer this many days [7]
  --demo-cases N               SP_DEMO_CASES             with --demo, also file N generated cases (benchmarks) [0]
  --demo-history N             SP_DEMO_HISTORY           with --demo, also make N generated cases, chats and
                                                         callback requests over the last year (benchmarks) [0]
  --demo-users N               SP_DEMO_USERS             with --demo, also make N Customer Support Administrators,
                                                         load-1@bench.example to load-N@bench.example (demo
                                                         password), ten to an organisation (load benchmark) [0]
  --demo-help N                SP_DEMO_HELP              add N generated help articles to a fresh help library
                                                         (benchmarks) [0]
  --review-days N              SP_REVIEW_DAYS            a validation older than this is due for review [180]
  --invitation-days N          SP_INVITATION_DAYS        how long an invitation link works [7]
  --smtp-url URL               SP_SMTP_URL               send mail through this SMTP relay
                                                         (smtp://user:password@host:port) [port 25]
  --smtp-tls MODE              SP_SMTP_TLS               starttls (required, not opportunistic) | implicit
                                                         (TLS from the first byte, port 465 style) | none
                                                         (plain SMTP: a local relay or a test server)
                                                         [starttls]; the certificate is checked
  --smtp-ca-file FILE          SP_SMTP_CA_FILE           PEM certificate authorities to trust for the relay on
                                                         top of the Mozilla roots built in (a private relay)
  --mail-dir DIR               SP_MAIL_DIR               without --smtp-url, write each mail as a .eml file
                                                         here [mail; a temp dir for :memory:]
  --mail-from MAILBOX          SP_MAIL_FROM              sender of every mail
                                                         [Support Portal <no-reply@support-portal.invalid>]
  --public-url URL             SP_PUBLIC_URL             the portal's address, for links in mails
                                                         [http://<the address listened on>]
  --chat-hours MODE            SP_CHAT_HOURS             when chat is open: business (the region's business
                                                         hours) | always | closed [business]
  --demo-agent                 SP_DEMO_AGENT=1           a labelled demo agent accepts every chat and answers
  --log-requests               SP_LOG_REQUESTS=1         log one line per request to stderr (method, path without
                                                         the query, status, ms)
  --drain-seconds N            SP_DRAIN_SECONDS          when stopping, keep accepting this long while /readyz
                                                         answers 503 (for load balancers) [0; 0 to 300]
  --test-csp MODE               SP_TEST_CSP               tests only: report Trusted Types sinks (report-only);
                                                         report keeps the CSP, off drops it
  --print-openapi                                        print the OpenAPI document and exit
  --check-database PATH                                  check the SQLite file (PRAGMA integrity_check and
                                                         foreign_key_check), print `ok` or what is wrong,
                                                         and exit (0 when ok, 1 otherwise)
  --help                                                 print this text and exit

Without --demo, an empty database gets an organisation and its first Support System
Administrator from SP_BOOTSTRAP_ADMIN_EMAIL and SP_BOOTSTRAP_ADMIN_PASSWORD (optional:
SP_BOOTSTRAP_ADMIN_NAME, SP_BOOTSTRAP_ORG_NAME, SP_BOOTSTRAP_ORG_PLAN, SP_BOOTSTRAP_ORG_REGION).
";
