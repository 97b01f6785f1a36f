using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Checkout;

/// <summary>
/// The checkout calls of spec E1–E4 (api-v3 §2–5) over one session, with their answers read into the
/// public models and their failures translated by <see cref="CheckoutErrors"/>. No PowerShell types.
/// </summary>
internal sealed class CheckoutClient
{
    private readonly PasswordSafeSession _session;

    public CheckoutClient(PasswordSafeSession session) => _session = session;

    /// <summary>The session this client calls with.</summary>
    public PasswordSafeSession Session => _session;

    /// <summary>How long one call of this session may wait (-TimeoutSec); infinite for no limit.</summary>
    public TimeSpan CallTimeout => _session.Connection.Api.Timeout;

    /// <summary>One page of <c>GET ManagedAccounts</c>; an exact lookup's 404 is an empty last page (§2.1).</summary>
    public async Task<ManagedAccountPage> GetAccountPageAsync(ManagedAccountFilter filter, long offset, int limit, RequestLog log, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Get, filter.ToRelativePath(offset, limit))
        {
            // Pages are read as they download, straight into accounts (no body string, no JSON tree).
            SuccessBodyReader = (response, body) => CheckoutJson.ReadAccountPageFrom(response, body, limit, _session),
        };
        var answer = await _session.Connection.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == 404 && filter.IsExactLookup)
        {
            return new ManagedAccountPage(new ManagedAccount[0], 0, isLast: true);
        }

        EnsureSuccess(answer);
        return answer.ParsedBody as ManagedAccountPage ?? CheckoutJson.ReadAccountPage(answer, limit, _session);
    }

    /// <summary>
    /// Reads the filter's pages of <c>GET ManagedAccounts</c> in order, handing each page's matching accounts to
    /// <paramref name="enough"/>, until it answers true or the last page is read.
    /// </summary>
    public async Task ReadAccountPagesAsync(ManagedAccountFilter filter, Func<IReadOnlyList<ManagedAccount>, bool> enough, RequestLog log,
        CancellationToken cancellationToken)
    {
        const int PageSize = 1000;
        for (long offset = 0; ; offset += PageSize)
        {
            var page = await GetAccountPageAsync(filter, offset, PageSize, log, cancellationToken).ConfigureAwait(false);
            var matching = filter.HasWildcards ? page.Accounts.Where(filter.Matches).ToList() : page.Accounts;
            if (enough(matching) || page.IsLast || page.Accounts.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>Every account matching the filter, paging through (used to resolve names to exactly one account).</summary>
    public async Task<IReadOnlyList<ManagedAccount>> FindAccountsAsync(ManagedAccountFilter filter, RequestLog log, CancellationToken cancellationToken)
    {
        var found = new List<ManagedAccount>();
        await ReadAccountPagesAsync(filter, accounts => { found.AddRange(accounts); return false; }, log, cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// The account with these ids among those the caller may list (<c>GET ManagedAccounts?systemID=</c>, paged until
    /// it turns up), or null. For names when only ids were given and nothing else will tell them.
    /// </summary>
    public async Task<ManagedAccount?> FindAccountByIdsAsync(int systemId, int accountId, RequestLog log, CancellationToken cancellationToken)
    {
        ManagedAccount? match = null;
        await ReadAccountPagesAsync(new ManagedAccountFilter { SystemId = systemId },
            accounts => (match = accounts.FirstOrDefault(a => a.AccountId == accountId)) != null, log, cancellationToken).ConfigureAwait(false);
        return match;
    }

    /// <summary><c>POST Requests</c> (§3.2): the new (or reused) request's id.</summary>
    public Task<CreatedRequest> CreateRequestAsync(NewRequestSpec spec, string accountDescription, RequestLog log, CancellationToken cancellationToken) =>
        PostForRequestIdAsync("Requests", spec.ToJson(), e => CheckoutErrors.ForNewRequest(e, accountDescription), log, cancellationToken);

    /// <summary>Both request forms (§3.2): the POST, its bare id (200 when an open request was reused), and the form's own mapping of a refusal.</summary>
    private async Task<CreatedRequest> PostForRequestIdAsync(string path, string body, Func<PasswordSafeApiException, PasswordSafeException> refused,
        RequestLog log, CancellationToken cancellationToken)
    {
        try
        {
            var request = new ApiRequest(HttpMethod.Post, path) { Body = body };
            var response = await _session.Connection.SendCheckedAsync(request, log, cancellationToken).ConfigureAwait(false);
            try
            {
                return new CreatedRequest(CheckoutJson.ReadRequestId(response), response.StatusCode == 200);
            }
            catch (PasswordSafeException e) when (e.ErrorId == ErrorIds.InvalidServerResponse)
            {
                // A success status means the request was made; only its id is unreadable (LostRequestAnswer finds it).
                throw UnansweredChange.AfterUnreadableSuccess(request, response.StatusCode, e, response.SeeTheAnswerHint);
            }
        }
        catch (PasswordSafeApiException e)
        {
            throw _session.Connection.Record(refused(e));
        }
    }

    /// <summary><c>GET Aliases</c>, or <c>GET Aliases?name=</c> for one name (exact; the server answers that alias or 404).</summary>
    public async Task<IReadOnlyList<ManagedAccountAlias>> GetAliasesAsync(string? name, RequestLog log, CancellationToken cancellationToken)
    {
        var path = name == null ? "Aliases" : QueryString.Append("Aliases", new[] { new KeyValuePair<string, string>("name", name) });
        try
        {
            var response = await _session.Connection.SendCheckedAsync(new ApiRequest(HttpMethod.Get, path), log, cancellationToken).ConfigureAwait(false);
            return CheckoutJson.ReadAliases(response, _session);
        }
        catch (PasswordSafeApiException e)
        {
            throw _session.Connection.Record(CheckoutErrors.ForAliasLookup(e, name == null ? "alias" : $"alias named '{name}'"));
        }
    }

    /// <summary><c>GET Aliases/{id}</c>.</summary>
    public async Task<ManagedAccountAlias> GetAliasAsync(int aliasId, RequestLog log, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _session.Connection.SendCheckedAsync(new ApiRequest(HttpMethod.Get, "Aliases/" + Id(aliasId)), log, cancellationToken).ConfigureAwait(false);
            return CheckoutJson.ReadAliases(response, _session).FirstOrDefault()
                   ?? throw CheckoutErrors.AliasNotFound(AliasDescription(aliasId));
        }
        catch (PasswordSafeApiException e)
        {
            throw _session.Connection.Record(CheckoutErrors.ForAliasLookup(e, AliasDescription(aliasId)));
        }
    }

    /// <summary><c>POST Aliases/{id}/Requests</c> (§3.2 alias variant): a request on the alias's preferred account; the bare id.</summary>
    public Task<CreatedRequest> CreateAliasRequestAsync(int aliasId, NewRequestSpec spec, string aliasDescription, RequestLog log, CancellationToken cancellationToken) =>
        PostForRequestIdAsync("Aliases/" + Id(aliasId) + "/Requests", spec.ToJson(forAlias: true),
            e => CheckoutErrors.ForNewAliasRequest(e, aliasDescription), log, cancellationToken);

    /// <summary>
    /// <c>GET Aliases/{aliasId}/Credentials/{requestId}?type=</c> (§4.1 alias form): the secret with the account's names,
    /// for a request made through that alias.
    /// </summary>
    public async Task<AliasCredential> GetAliasCredentialAsync(int aliasId, int requestId, string type, RequestLog log, CancellationToken cancellationToken,
        string? about = null)
    {
        var path = QueryString.Append("Aliases/" + Id(aliasId) + "/Credentials/" + Id(requestId),
            new[] { new KeyValuePair<string, string>("type", type.ToLowerInvariant()) });
        var response = await ReadCredentialAsync(requestId, path, type, about, log, cancellationToken).ConfigureAwait(false);
        return CheckoutJson.ReadAliasCredential(response, type);
    }

    internal static string AliasDescription(int aliasId) => "alias " + Id(aliasId);

    /// <summary>
    /// <c>POST RequestSets</c> (§3.4): the new set with its requests; when the answer does not list them, the set is
    /// read back from <c>GET RequestSets</c>.
    /// </summary>
    public async Task<RequestSet> CreateRequestSetAsync(NewRequestSetSpec spec, string accountDescription, RequestLog log, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, "RequestSets") { Body = spec.ToJson() };
        RequestSet created;
        try
        {
            var response = await _session.Connection.SendCheckedAsync(request, log, cancellationToken).ConfigureAwait(false);
            created = CheckoutJson.ReadRequestSet(response, _session);
        }
        catch (PasswordSafeApiException e)
        {
            throw _session.Connection.Record(CheckoutErrors.ForNewRequestSet(e, accountDescription));
        }

        if (created.Requests.Length > 0)
        {
            return created;
        }

        try
        {
            var listed = await GetRequestSetsAsync("all", log, cancellationToken).ConfigureAwait(false);
            return listed.FirstOrDefault(s => s.RequestSetId == created.RequestSetId) ?? created;
        }
        catch (PasswordSafeException e)
        {
            // The set exists: failing over its listing would leave its requests open, unknown to the script.
            log.Verbose("Reading the new request set back failed: " + e.Message);
            return created;
        }
    }

    /// <summary><c>GET RequestSets?status=</c> (§3.4): the caller's sets; status all/active/pending.</summary>
    public async Task<IReadOnlyList<RequestSet>> GetRequestSetsAsync(string status, RequestLog log, CancellationToken cancellationToken)
    {
        var path = QueryString.Append("RequestSets", new[] { new KeyValuePair<string, string>("status", status) });
        var response = await _session.Connection.SendCheckedAsync(new ApiRequest(HttpMethod.Get, path), log, cancellationToken).ConfigureAwait(false);
        return CheckoutJson.ReadRequestSets(response, _session);
    }

    /// <summary><c>GET Requests?status=&amp;queue=</c> (§3.1): status all/active/pending, queue req/app.</summary>
    public async Task<IReadOnlyList<Request>> GetRequestsAsync(string status, string queue, RequestLog log, CancellationToken cancellationToken)
    {
        var path = QueryString.Append("Requests", new[]
        {
            new KeyValuePair<string, string>("status", status),
            new KeyValuePair<string, string>("queue", queue),
        });
        var response = await _session.Connection.SendCheckedAsync(new ApiRequest(HttpMethod.Get, path), log, cancellationToken).ConfigureAwait(false);
        return CheckoutJson.ReadRequests(response, _session);
    }

    /// <summary>
    /// Names the alias of each listed request made through one (the list carries only <c>AliasID</c>): from a short-lived
    /// per-session cache, else one <c>GET Aliases</c>. Never fails for the names; they stay empty when they cannot be read,
    /// which Verbose says once per <paramref name="explained"/> (the calling cmdlet's flag: once per invocation).
    /// </summary>
    public Task NameAliasesAsync(IReadOnlyList<Request> requests, OnceFlag explained, RequestLog log, CancellationToken cancellationToken) =>
        AliasNameCache.For(_session).NameAsync(requests, token => GetAliasesAsync(null, log, token), log, explained, cancellationToken);

    /// <summary>The caller's own request with this id, or null (the requestor queue, every status).</summary>
    public async Task<Request?> FindOwnRequestAsync(int requestId, RequestLog log, CancellationToken cancellationToken)
    {
        var requests = await GetRequestsAsync("all", "req", log, cancellationToken).ConfigureAwait(false);
        return requests.FirstOrDefault(r => r.RequestId == requestId);
    }

    /// <summary>The caller's active request for the account, or null: Get-PSCredential for an account.</summary>
    public async Task<Request?> FindActiveRequestAsync(int systemId, int accountId, RequestLog log, CancellationToken cancellationToken)
    {
        var requests = await GetRequestsAsync("active", "req", log, cancellationToken).ConfigureAwait(false);
        return requests.Where(r => r.SystemId == systemId && r.AccountId == accountId)
            .OrderByDescending(r => r.ExpiresDate)
            .FirstOrDefault();
    }

    // "about" names the request's account in errors (web01\Administrator), so a pipeline of many says which one failed.
    public Task CheckInAsync(int requestId, string? reason, RequestLog log, CancellationToken cancellationToken, string? about = null) =>
        PutOnRequestAsync(requestId, "Checkin", ReasonBody(reason), About("Checking in the request", about), log, cancellationToken);

    public Task ApproveAsync(int requestId, string? reason, RequestLog log, CancellationToken cancellationToken, string? about = null) =>
        PutOnRequestAsync(requestId, "Approve", ReasonBody(reason), About("Approving the request", about), log, cancellationToken, asApprover: true, approving: true);

    public Task DenyAsync(int requestId, string? reason, RequestLog log, CancellationToken cancellationToken, string? about = null) =>
        PutOnRequestAsync(requestId, "Deny", ReasonBody(reason), About("Denying the request", about), log, cancellationToken, asApprover: true);

    public Task SetRotateOnCheckinAsync(int requestId, RequestLog log, CancellationToken cancellationToken, string? about = null) =>
        PutOnRequestAsync(requestId, "RotateOnCheckin", "{}", About("Marking the request to rotate on check-in", about), log, cancellationToken);

    private static string About(string what, string? about) => string.IsNullOrEmpty(about) ? what : what + " for " + about;

    /// <summary><c>GET Credentials/{id}?type=</c> (§4.1): password, dsskey or passphrase.</summary>
    public async Task<string> GetCredentialAsync(int requestId, string type, RequestLog log, CancellationToken cancellationToken, string? about = null)
    {
        var path = QueryString.Append("Credentials/" + Id(requestId), new[] { new KeyValuePair<string, string>("type", type.ToLowerInvariant()) });
        var response = await ReadCredentialAsync(requestId, path, type, about, log, cancellationToken).ConfigureAwait(false);
        return CheckoutJson.ReadCredential(response);
    }

    /// <summary>
    /// A credential read. A 404 means the request ended, or that the account has no credential of that type (no DSS
    /// key, no passphrase): on a 404 the request list tells which, so the error does not send the user to make a new
    /// request while the old one is still open.
    /// </summary>
    private async Task<ApiResponse> ReadCredentialAsync(int requestId, string path, string type, string? about, RequestLog log, CancellationToken cancellationToken)
    {
        try
        {
            return await SendForRequestAsync(new ApiRequest(HttpMethod.Get, path), About("Reading the credential", about), log, cancellationToken).ConfigureAwait(false);
        }
        catch (PasswordSafeApiException e) when (e.StatusCode == 404)
        {
            Request? request;
            try
            {
                request = await FindOwnRequestAsync(requestId, log, cancellationToken).ConfigureAwait(false);
            }
            catch (PasswordSafeException)
            {
                // The list could not be read: the read's own error is the one to report.
                throw e;
            }

            if (request != null && string.Equals(request.Status, "Active", System.StringComparison.OrdinalIgnoreCase))
            {
                throw _session.Connection.Record(CheckoutErrors.NoSuchCredential(e, request, type));
            }

            throw;
        }
    }

    /// <summary><c>POST Requests/{id}/Sessions</c> (§5.1) for the ticket types (SSH, sshticket, RDP, rdpticket, app).</summary>
    public async Task<AccessSession> CreateSessionAsync(int requestId, string sessionType, string? nodeId, RequestLog log, CancellationToken cancellationToken)
    {
        var response = await PostSessionAsync(requestId, sessionType, nodeId, log, cancellationToken).ConfigureAwait(false);
        var session = CheckoutJson.ReadAccessSession(response);
        session.RequestId = requestId;
        session.SessionType = sessionType;
        return session;
    }

    /// <summary><c>POST Requests/{id}/Sessions</c> for rdpfile/appfile: the answer is the file itself.</summary>
    public async Task<string> CreateSessionFileAsync(int requestId, string sessionType, string? nodeId, RequestLog log, CancellationToken cancellationToken)
    {
        var response = await PostSessionAsync(requestId, sessionType, nodeId, log, cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    /// <summary><c>POST ISARequests?type=</c> (§5.2, spec E3): the credential, released at once.</summary>
    public async Task<string> GetIsaCredentialAsync(IsaSpec spec, string type, string description, RequestLog log, CancellationToken cancellationToken)
    {
        var path = QueryString.Append("ISARequests", new[] { new KeyValuePair<string, string>("type", type.ToLowerInvariant()) });
        var response = await SendIsaAsync(new ApiRequest(HttpMethod.Post, path) { Body = spec.ToRequestJson() }, description, log, cancellationToken).ConfigureAwait(false);
        return CheckoutJson.ReadIsaCredential(response);
    }

    /// <summary><c>POST ISASessions</c> (§5.3, spec E4): a ticket, or the file for rdpfile/appfile.</summary>
    public async Task<ApiResponse> CreateIsaSessionAsync(IsaSpec spec, string description, RequestLog log, CancellationToken cancellationToken) =>
        await SendIsaAsync(new ApiRequest(HttpMethod.Post, "ISASessions") { Body = spec.ToSessionJson() }, description, log, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends an ISA call; <paramref name="description"/> names the account in a refusal.</summary>
    private async Task<ApiResponse> SendIsaAsync(ApiRequest request, string description, RequestLog log, CancellationToken cancellationToken)
    {
        try
        {
            return await _session.Connection.SendCheckedAsync(request, log, cancellationToken).ConfigureAwait(false);
        }
        catch (PasswordSafeApiException e)
        {
            throw _session.Connection.Record(CheckoutErrors.ForIsaCall(e, description));
        }
    }

    private Task<ApiResponse> PostSessionAsync(int requestId, string sessionType, string? nodeId, RequestLog log, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["SessionType"] = sessionType };
        if (!string.IsNullOrEmpty(nodeId))
        {
            body["NodeID"] = nodeId;
        }

        var request = new ApiRequest(HttpMethod.Post, "Requests/" + Id(requestId) + "/Sessions")
        {
            Body = Newtonsoft.Json.JsonConvert.SerializeObject(body),
        };
        return SendForRequestAsync(request, "Creating the session", log, cancellationToken);
    }

    private async Task PutOnRequestAsync(int requestId, string action, string body, string what, RequestLog log, CancellationToken cancellationToken,
        bool asApprover = false, bool approving = false)
    {
        var request = new ApiRequest(HttpMethod.Put, "Requests/" + Id(requestId) + "/" + action) { Body = body };
        await SendForRequestAsync(request, what, log, cancellationToken, asApprover, approving).ConfigureAwait(false);
    }

    private async Task<ApiResponse> SendForRequestAsync(ApiRequest request, string what, RequestLog log, CancellationToken cancellationToken,
        bool asApprover = false, bool approving = false)
    {
        try
        {
            return await _session.Connection.SendCheckedAsync(request, log, cancellationToken).ConfigureAwait(false);
        }
        catch (PasswordSafeApiException e)
        {
            throw _session.Connection.Record(CheckoutErrors.ForRequestCall(e, what, asApprover, approving));
        }
    }

    private void EnsureSuccess(ApiResponse response)
    {
        if (!response.IsSuccess)
        {
            throw _session.Connection.Record(StatusErrorMapper.ToException(response));
        }
    }

    /// <summary><c>{"Reason": …}</c>, or <c>{}</c> without one: the body of check-in, approve, deny and the Terminate calls.</summary>
    internal static string ReasonBody(string? reason) =>
        reason == null ? "{}" : "{\"Reason\":" + Newtonsoft.Json.JsonConvert.ToString(reason) + "}";

    private static string Id(int requestId) => requestId.ToString(CultureInfo.InvariantCulture);
}
