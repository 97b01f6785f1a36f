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

    /// <summary>
    /// E5's last step: the group's roles on a smart rule become <paramref name="roleIds"/> (204). The server replaces what
    /// the group held on that rule, so callers that add or remove roles send the whole new set; an empty set removes all.
    /// </summary>
    public Task SetRolesAsync(int groupId, int smartRuleId, IEnumerable<int> roleIds, int? accessPolicyId, RequestLog log, CancellationToken token)
    {
        var body = JsonBodySerializer.Serialize(RoleResolver.RolesBody(roleIds, accessPolicyId));
        return _client.SendAsync(HttpMethod.Post,
            "UserGroups/" + AdminClient.Segment(groupId) + "/SmartRules/" + AdminClient.Segment(smartRuleId) + "/Roles", body,
            new AdminOperation("Setting the roles on smart rule " + AdminClient.Segment(smartRuleId) + " of", Describe(groupId), AdminPermission.Roles,
                notFoundMeansTheItem: false), log, token);
    }

    /// <summary><c>GET UserGroups/{id}/SmartRules</c>: the rules the group holds roles on, with those roles and their access policy.</summary>
    public async Task<IReadOnlyList<SmartRuleRoleGrant>> ListRoleGrantsAsync(int groupId, RequestLog log, CancellationToken token)
    {
        var grants = await _client.GetListAsync<SmartRuleRoleGrant>("UserGroups/" + AdminClient.Segment(groupId) + "/SmartRules",
            new AdminOperation("Reading the smart-rule roles of", Describe(groupId), AdminPermission.Users), log, token).ConfigureAwait(false);
        foreach (var grant in grants)
        {
            grant.GroupId = groupId;
        }

        return grants;
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
