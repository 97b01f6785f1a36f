using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>User groups, memberships and smart-rule roles (spec A7, C2, E5; api-v3 §6.4–6.6).</summary>
internal sealed class UserGroupService
{
    private readonly AdminClient _client;

    public UserGroupService(AdminClient client) => _client = client;

    public static string Describe(int id) => "user group " + AdminClient.Segment(id);

    public Task<IReadOnlyList<UserGroup>> ListAsync(string? exactName, RequestLog log, CancellationToken token)
    {
        var path = string.IsNullOrEmpty(exactName)
            ? "UserGroups"
            : Checkout.QueryString.Append("UserGroups", new[] { new KeyValuePair<string, string>("name", exactName!) });
        return _client.GetListAsync<UserGroup>(path, Operation("Reading", string.IsNullOrEmpty(exactName) ? "user groups" : $"user group '{exactName}'"), log, token);
    }

    public Task<UserGroup> GetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<UserGroup>("UserGroups/" + AdminClient.Segment(id), Operation("Reading", Describe(id)), log, token);

    public Task<UserGroup> CreateAsync(UserGroupSpec spec, RequestLog log, CancellationToken token) =>
        _client.SendForObjectAsync<UserGroup>(HttpMethod.Post, "UserGroups", spec.ToJson(), Operation("Creating", $"user group '{spec.Name}'"), log, token);

    public Task DeleteAsync(int id, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync("UserGroups/" + AdminClient.Segment(id), Operation("Removing", Describe(id)), log, token);

    public Task AddMemberAsync(int userId, int groupId, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, Membership(userId, groupId), "{}",
            Operation("Adding " + UserService.Describe(userId) + " to", Describe(groupId), notFoundMeansTheItem: false), log, token);

    public Task RemoveMemberAsync(int userId, int groupId, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync(Membership(userId, groupId),
            Operation("Removing " + UserService.Describe(userId) + " from", Describe(groupId), notFoundMeansTheItem: false), log, token);

    /// <summary>E5's last step: the group gets roles on a smart rule (204).</summary>
    public Task GrantRolesAsync(int groupId, int smartRuleId, IEnumerable<int> roleIds, int? accessPolicyId, RequestLog log, CancellationToken token)
    {
        var body = JsonBodySerializer.Serialize(RoleResolver.GrantBody(roleIds, accessPolicyId));
        return _client.SendAsync(HttpMethod.Post,
            "UserGroups/" + AdminClient.Segment(groupId) + "/SmartRules/" + AdminClient.Segment(smartRuleId) + "/Roles", body,
            new AdminOperation("Granting roles on smart rule " + AdminClient.Segment(smartRuleId) + " to", Describe(groupId), AdminPermission.Roles,
                notFoundMeansTheItem: false), log, token);
    }

    public Task<IReadOnlyList<Role>> ListRolesAsync(RequestLog log, CancellationToken token) =>
        _client.GetListAsync<Role>("Roles", new AdminOperation("Listing", "roles", AdminPermission.Roles), log, token);

    /// <summary><c>GET AccessPolicies</c>: the policies a role grant can name, with their schedules.</summary>
    public Task<IReadOnlyList<AccessPolicy>> ListAccessPoliciesAsync(RequestLog log, CancellationToken token) =>
        _client.GetListAsync<AccessPolicy>("AccessPolicies", new AdminOperation("Listing", "access policies", AdminPermission.AccessPolicies), log, token);

    private static string Membership(int userId, int groupId) =>
        "Users/" + AdminClient.Segment(userId) + "/UserGroups/" + AdminClient.Segment(groupId);

    private static AdminOperation Operation(string action, string item, bool notFoundMeansTheItem = true) =>
        new AdminOperation(action, item, AdminPermission.Users, notFoundMeansTheItem);
}
