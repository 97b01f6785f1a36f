using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Feature permissions (api-v3 §6.4): the catalogue (<c>GET Permissions</c>), the access levels (<c>GET AccessLevels</c>)
/// and what a user group holds (<c>GET/POST/DELETE UserGroups/{id}/Permissions</c>). All need User Accounts Management:
/// Read to read, Full control to change.
/// </summary>
internal sealed class PermissionService
{
    private readonly AdminClient _client;

    public PermissionService(AdminClient client) => _client = client;

    public Task<IReadOnlyList<Permission>> ListPermissionsAsync(RequestLog log, CancellationToken token) =>
        _client.GetListAsync<Permission>("Permissions", Operation("Listing", "permissions"), log, token);

    public Task<IReadOnlyList<AccessLevel>> ListAccessLevelsAsync(RequestLog log, CancellationToken token) =>
        _client.GetListAsync<AccessLevel>("AccessLevels", Operation("Listing", "access levels"), log, token);

    /// <summary>What the group holds, as the server answers it: permission and access level ids, GroupId set, names not yet.</summary>
    public async Task<IReadOnlyList<UserGroupPermission>> ListHeldAsync(int groupId, string groupText, RequestLog log, CancellationToken token)
    {
        var held = await _client.GetListAsync<UserGroupPermission>(PathOf(groupId), Operation("Reading the permissions of", groupText), log, token)
            .ConfigureAwait(false);
        foreach (var grant in held)
        {
            grant.GroupId = groupId;
        }

        return held;
    }

    /// <summary>
    /// <c>POST UserGroups/{id}/Permissions</c> with <c>[{PermissionID, AccessLevelID}]</c> (204). Whether the server then
    /// holds exactly these or adds them to what the group held is not documented, so callers that take permissions away
    /// remove them all first (<see cref="RemoveAllAsync"/>) and send what stays.
    /// </summary>
    public Task AssignAsync(int groupId, string groupText, IEnumerable<KeyValuePair<int, int>> grants, RequestLog log, CancellationToken token)
    {
        var body = JsonBodySerializer.Serialize(grants
            .Select(g => (object)new Dictionary<string, object?> { ["PermissionID"] = g.Key, ["AccessLevelID"] = g.Value })
            .ToList());
        return _client.SendAsync(HttpMethod.Post, PathOf(groupId), body, Operation("Setting the permissions of", groupText), log, token);
    }

    /// <summary><c>DELETE UserGroups/{id}/Permissions</c>: the group holds no permission afterwards (200).</summary>
    public Task RemoveAllAsync(int groupId, string groupText, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync(PathOf(groupId), Operation("Removing the permissions of", groupText), log, token);

    private static string PathOf(int groupId) => "UserGroups/" + AdminClient.Segment(groupId) + "/Permissions";

    private static AdminOperation Operation(string action, string item) => new AdminOperation(action, item, AdminPermission.Users);
}
