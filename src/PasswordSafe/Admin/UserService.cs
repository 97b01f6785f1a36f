using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>Users and application users (spec C1, C2, C5, C6; api-v3 §6.6).</summary>
internal sealed class UserService
{
    private readonly AdminClient _client;

    public UserService(AdminClient client) => _client = client;

    public static string Describe(int id) => "user " + AdminClient.Segment(id);

    /// <summary><c>GET Users?username=&amp;includeInactive=</c>; no name lists every user.</summary>
    public Task<IReadOnlyList<User>> ListAsync(string? userName, bool includeInactive, RequestLog log, CancellationToken token)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(userName))
        {
            query.Add(new KeyValuePair<string, string>("username", userName!));
        }

        if (includeInactive)
        {
            query.Add(new KeyValuePair<string, string>("includeInactive", "true"));
        }

        var item = string.IsNullOrEmpty(userName) ? "users" : $"user '{userName}'";
        return _client.GetListAsync<User>(Checkout.QueryString.Append("Users", query), Operation("Reading", item), log, token);
    }

    public Task<User> GetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<User>("Users/" + AdminClient.Segment(id), Operation("Reading", Describe(id)), log, token);

    public Task<IReadOnlyList<User>> ListGroupMembersAsync(int groupId, RequestLog log, CancellationToken token) =>
        _client.GetListAsync<User>("UserGroups/" + AdminClient.Segment(groupId) + "/Users",
            Operation("Listing the members of", UserGroupService.Describe(groupId)), log, token);

    public async Task<IssuedUser> CreateAsync(string body, string userName, RequestLog log, CancellationToken token)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "Users", body, Operation("Creating", $"user '{userName}'"), log, token).ConfigureAwait(false);
        return ReadIssued(response, null);
    }

    public Task<User> UpdateAsync(int id, string body, RequestLog log, CancellationToken token) =>
        _client.SendForObjectAsync<User>(HttpMethod.Put, "Users/" + AdminClient.Segment(id), body, Operation("Updating", Describe(id)), log, token);

    public Task DeleteAsync(int id, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync("Users/" + AdminClient.Segment(id), Operation("Removing", Describe(id)), log, token);

    /// <summary>
    /// <c>POST Users/{id}/Quarantine</c> (201, the user): the user can no longer sign in and its sessions end. The
    /// reference guards it with "Password Safe API Global Quarantine", not User Accounts Management.
    /// </summary>
    public Task<User> QuarantineAsync(int id, string userText, RequestLog log, CancellationToken token) =>
        _client.SendForObjectAsync<User>(HttpMethod.Post, "Users/" + AdminClient.Segment(id) + "/Quarantine", "{}",
            new AdminOperation("Quarantining", userText, AdminPermission.Quarantine), log, token);

    /// <summary>C5: the old secret stops working at once. The answer is the user with its new secret (or, tolerated, the bare secret).</summary>
    public async Task<IssuedUser> RecycleClientSecretAsync(int id, RequestLog log, CancellationToken token)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "Users/" + AdminClient.Segment(id) + "/RecycleClientSecret", "{}",
            Operation("Recycling the client secret of", Describe(id)), log, token).ConfigureAwait(false);
        var fallback = AdminJson.Parse(response).Type == JTokenType.String
            ? await GetAsync(id, log, token).ConfigureAwait(false)
            : null;
        return ReadIssued(response, fallback);
    }

    private IssuedUser ReadIssued(ApiResponse response, User? fallback)
    {
        var token = AdminJson.Parse(response);
        if (token.Type == JTokenType.String && fallback != null)
        {
            return new IssuedUser(fallback, SecureStringReader.FromPlainText(token.Value<string>() ?? string.Empty));
        }

        if (!(token is JObject json))
        {
            return new IssuedUser(AdminJson.ReadObject<User>(response, _client.Session), null);
        }

        var user = AdminJson.ToModel<User>(json, _client.Session);
        var secret = AdminJson.Property(json, "ClientSecret");
        var text = secret == null || secret.Type != JTokenType.String ? null : secret.Value<string>();
        return new IssuedUser(user, string.IsNullOrEmpty(text) ? null : SecureStringReader.FromPlainText(text!));
    }

    private static AdminOperation Operation(string action, string item) => new AdminOperation(action, item, AdminPermission.Users);
}
