using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Sends admin calls over one session: renewal, retries and redacted logging come from the session; failures
/// are rewritten by <see cref="AdminErrors"/> so they name the item and the missing permission.
/// </summary>
internal sealed class AdminClient
{
    public AdminClient(PasswordSafeSession session) => Session = session;

    public PasswordSafeSession Session { get; }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string relativePath, string? jsonBody, AdminOperation operation,
        RequestLog log, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(method, relativePath);
        if (jsonBody != null)
        {
            request.Body = jsonBody;
        }

        try
        {
            return await Session.Connection.SendCheckedAsync(request, log, cancellationToken).ConfigureAwait(false);
        }
        catch (PasswordSafeApiException e)
        {
            throw Session.Connection.Record(AdminErrors.Translate(e, operation));
        }
    }

    public Task<ApiResponse> GetAsync(string relativePath, AdminOperation operation, RequestLog log, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relativePath, null, operation, log, cancellationToken);

    public async Task<T> GetObjectAsync<T>(string relativePath, AdminOperation operation, RequestLog log, CancellationToken cancellationToken)
        where T : class, new()
    {
        var response = await GetAsync(relativePath, operation, log, cancellationToken).ConfigureAwait(false);
        return AdminJson.ReadObject<T>(response, Session);
    }

    public async Task<IReadOnlyList<T>> GetListAsync<T>(string relativePath, AdminOperation operation, RequestLog log, CancellationToken cancellationToken)
        where T : class, new()
    {
        var response = await GetAsync(relativePath, operation, log, cancellationToken).ConfigureAwait(false);
        return AdminJson.ReadList<T>(response, Session);
    }

    /// <summary>POST or PUT a body and read the created or updated object back from the answer.</summary>
    public async Task<T> SendForObjectAsync<T>(HttpMethod method, string relativePath, string jsonBody, AdminOperation operation,
        RequestLog log, CancellationToken cancellationToken) where T : class, new()
    {
        var response = await SendAsync(method, relativePath, jsonBody, operation, log, cancellationToken).ConfigureAwait(false);
        try
        {
            return AdminJson.ReadObject<T>(response, Session);
        }
        catch (PasswordSafeException e) when (e.ErrorId == ErrorIds.InvalidServerResponse && ChangeReadBack.IsChange(method.Method, relativePath))
        {
            // A success status: the change was made and only its answer is unreadable, so "check -Uri" would invite a duplicate.
            throw UnansweredChange.AfterUnreadableSuccess(new ApiRequest(method, relativePath) { Body = jsonBody }, response.StatusCode, e,
                response.SeeTheAnswerHint);
        }
    }

    /// <summary>DELETE; 200 and 204 both mean done (ARCHITECTURE.md, issue 4).</summary>
    public Task DeleteAsync(string relativePath, AdminOperation operation, RequestLog log, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, relativePath, null, operation, log, cancellationToken);

    /// <summary>A path segment: ids as invariant numbers, names escaped.</summary>
    public static string Segment(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Segment(string name) => Uri.EscapeDataString(name);
}
