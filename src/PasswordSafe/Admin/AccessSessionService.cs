using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>Session monitoring (api-v3 §5.1): list, read, lock and terminate sessions, one by id or all of an account or system.</summary>
internal sealed class AccessSessionService
{
    private readonly AdminClient _client;

    public AccessSessionService(AdminClient client) => _client = client;

    /// <summary>GET Sessions answers at most this many rows and does not say when there are more (api-v3 §0).</summary>
    public const int ServerRowLimit = 100000;

    /// <summary><c>GET Sessions</c>, filtered on the server by one status code and one user id when given.</summary>
    public Task<IReadOnlyList<AccessSessionInfo>> ListAsync(int? status, int? userId, RequestLog log, CancellationToken token)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (status is int code)
        {
            query.Add(new KeyValuePair<string, string>("status", code.ToString(CultureInfo.InvariantCulture)));
        }

        if (userId is int user)
        {
            query.Add(new KeyValuePair<string, string>("userID", user.ToString(CultureInfo.InvariantCulture)));
        }

        return _client.GetListAsync<AccessSessionInfo>(QueryString.Append("Sessions", query), Operation("Listing", "sessions"), log, token);
    }

    public Task<AccessSessionInfo> GetAsync(int sessionId, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<AccessSessionInfo>("Sessions/" + AdminClient.Segment(sessionId), Operation("Reading", Describe(sessionId)), log, token);

    public Task LockAsync(int sessionId, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, "Sessions/" + AdminClient.Segment(sessionId) + "/Lock", "{}", Operation("Locking", Describe(sessionId)), log, token);

    public Task TerminateAsync(int sessionId, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, "Sessions/" + AdminClient.Segment(sessionId) + "/Terminate", "{}", Operation("Terminating", Describe(sessionId)), log, token);

    /// <summary><c>POST ManagedAccounts|ManagedSystems/{id}/Sessions/Lock</c>: every open session of the target.</summary>
    public Task LockAllAsync(AccessTarget target, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, target.Path + "/Sessions/Lock", "{}", ByTarget("Locking the sessions of", target), log, token);

    /// <summary><c>POST ManagedAccounts|ManagedSystems/{id}/Sessions/Terminate</c>: every open session of the target.</summary>
    public Task TerminateAllAsync(AccessTarget target, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, target.Path + "/Sessions/Terminate", "{}", ByTarget("Terminating the sessions of", target), log, token);

    public static string Describe(int sessionId) => "session " + AdminClient.Segment(sessionId);

    private static AdminOperation Operation(string action, string item) => new AdminOperation(action, item, AdminPermission.Sessions);

    // By target the API reference names only the quarantine permission; the ISA role is enough for one session by id.
    private static AdminOperation ByTarget(string action, AccessTarget target) => new AdminOperation(action, target.Description, AdminPermission.Quarantine);
}
