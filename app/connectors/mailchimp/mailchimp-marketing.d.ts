// The official SDK (@mailchimp/mailchimp_marketing 3.0.80) ships no types, and the @types package is
// incomplete and wrong about errors (they reject, never resolve). This declares only what Vigie
// calls, on the ApiClient class itself: the package's main export is a process-wide singleton,
// which per-shop credentials must not share. Responses are `unknown`: they are parsed with zod.

declare module "@mailchimp/mailchimp_marketing/src/ApiClient.js" {
  type Query = Record<string, string | number | boolean | string[] | undefined>;

  class ApiClient {
    /** Read on every call; the default contains "server", replaced by `config.server` when set. */
    basePath: string;
    /** Milliseconds for a whole request (default 120 000). */
    timeout: number;
    /** Replaces the whole configuration (an `apiKey` sends Basic auth `user:<apiKey>`). */
    setConfig(config: { apiKey?: string; accessToken?: string; server?: string }): void;

    ping: { get(): Promise<unknown> };
    lists: {
      getList(listId: string, opts?: Query): Promise<unknown>;
      getListMembersInfo(listId: string, opts?: Query): Promise<unknown>;
      getListMember(listId: string, subscriberHash: string, opts?: Query): Promise<unknown>;
      setListMember(
        listId: string,
        subscriberHash: string,
        body: Record<string, unknown>,
        opts?: Query,
      ): Promise<unknown>;
      updateListMember(
        listId: string,
        subscriberHash: string,
        body: Record<string, unknown>,
        opts?: Query,
      ): Promise<unknown>;
      /** Archives: resolves null (204). */
      deleteListMember(listId: string, subscriberHash: string): Promise<unknown>;
      /** Erases permanently: resolves null (204). */
      deleteListMemberPermanent(listId: string, subscriberHash: string): Promise<unknown>;
      getListMemberTags(listId: string, subscriberHash: string, opts?: Query): Promise<unknown>;
      getListMemberActivityFeed(listId: string, subscriberHash: string, opts?: Query): Promise<unknown>;
      getListMemberEvents(listId: string, subscriberHash: string, opts?: Query): Promise<unknown>;
      getListMemberNotes(listId: string, subscriberHash: string, opts?: Query): Promise<unknown>;
    };
  }

  export default ApiClient;
}
