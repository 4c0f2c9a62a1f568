// The demo accounts the reference backend seeds with --demo. A conformance run against another
// backend names its own accounts through these environment variables.
export const PASSWORD = 'Support-Demo-1';

export const accounts = {
  systemAdmin: {
    email: process.env.SP_SYSTEM_ADMIN_EMAIL ?? 'sysadmin@northwind.example',
    password: process.env.SP_SYSTEM_ADMIN_PASSWORD ?? PASSWORD,
    name: 'Alex Morgan',
  },
  supportAdmin: {
    email: process.env.SP_SUPPORT_ADMIN_EMAIL ?? 'support@northwind.example',
    password: process.env.SP_SUPPORT_ADMIN_PASSWORD ?? PASSWORD,
    name: 'Casey Lee',
  },
  member: {
    email: process.env.SP_MEMBER_EMAIL ?? 'member@northwind.example',
    password: process.env.SP_MEMBER_PASSWORD ?? PASSWORD,
    name: 'Sam Patel',
  },
  /** A system administrator of another organisation, for isolation checks. */
  otherOrgAdmin: {
    email: process.env.SP_OTHER_ORG_ADMIN_EMAIL ?? 'sysadmin@contoso.example',
    password: process.env.SP_OTHER_ORG_ADMIN_PASSWORD ?? PASSWORD,
    name: 'Robin Diaz',
  },
  /**
   * Two Customer Support Administrators of one organisation (Fabrikam) that only the chat
   * conformance checks use: a user has one open chat at a time, so chat tests sharing an account
   * with other tests would find each other's chats. chat.spec.ts chats as the first,
   * chat_stream.spec.ts as the second; each is the other's colleague whose chat is not theirs.
   */
  chatCustomer: {
    email: process.env.SP_CHAT_CUSTOMER_EMAIL ?? 'jesse.moreau@fabrikam.example',
    password: process.env.SP_CHAT_CUSTOMER_PASSWORD ?? PASSWORD,
    name: 'Jesse Moreau',
  },
  chatColleague: {
    email: process.env.SP_CHAT_COLLEAGUE_EMAIL ?? 'noor.haddad@fabrikam.example',
    password: process.env.SP_CHAT_COLLEAGUE_PASSWORD ?? PASSWORD,
    name: 'Noor Haddad',
  },
  /**
   * A person in two organisations (Northwind and Contoso, a Customer Support Administrator in
   * each): one account per organisation, the same email and password. Sign-in opens the
   * organisation they used last, so tests read the current one from the session rather than
   * assume it. Another backend without such a person leaves SP_MULTI_ORG_EMAIL unset, and the
   * checks that need one are skipped.
   */
  multiOrg: {
    email: process.env.SP_MULTI_ORG_EMAIL ?? 'morgan.avery@partners.example',
    password: process.env.SP_MULTI_ORG_PASSWORD ?? PASSWORD,
    name: 'Morgan Avery',
  },
};
