using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>Quick rules (create, read) and smart rules (read), api-v3 §6.4.</summary>
internal sealed class SmartRuleService
{
    private readonly AdminClient _client;

    public SmartRuleService(AdminClient client) => _client = client;

    public Task<IReadOnlyList<SmartRule>> ListAsync(bool quickRules, RequestLog log, CancellationToken token) =>
        _client.GetListAsync<SmartRule>(Root(quickRules), Operation("Listing", quickRules ? "quick rules" : "smart rules"), log, token);

    public Task<SmartRule> GetAsync(bool quickRules, int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<SmartRule>(Root(quickRules) + "/" + AdminClient.Segment(id),
            Operation("Reading", (quickRules ? "quick rule " : "smart rule ") + AdminClient.Segment(id)), log, token);

    /// <summary>
    /// <c>GET SmartRules/{id}/ManagedAccounts</c>: the accounts a smart or quick rule selects now, in the provisioning view
    /// (a quick rule is a smart rule, so one path serves both).
    /// </summary>
    public Task<IReadOnlyList<ManagedAccountSettings>> ListAccountsAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetListAsync<ManagedAccountSettings>("SmartRules/" + AdminClient.Segment(id) + "/ManagedAccounts",
            Operation("Listing the managed accounts of", Describe(id)), log, token);

    public static string Describe(int id) => "smart rule " + AdminClient.Segment(id);

    public Task<SmartRule> CreateQuickRuleAsync(string title, IEnumerable<int> accountIds, string? category, string? description, RequestLog log, CancellationToken token) =>
        _client.SendForObjectAsync<SmartRule>(HttpMethod.Post, "QuickRules", QuickRuleBody.Build(title, accountIds, category, description),
            Operation("Creating", $"quick rule '{title}'"), log, token);

    private static string Root(bool quickRules) => quickRules ? "QuickRules" : "SmartRules";

    private static AdminOperation Operation(string action, string item) => new AdminOperation(action, item, AdminPermission.SmartRules);
}
