using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>Managed accounts as provisioned (E5, api-v3 §2.2) and their credentials (§4.2).</summary>
internal sealed class ManagedAccountService
{
    private readonly AdminClient _client;

    public ManagedAccountService(AdminClient client) => _client = client;

    public static string Describe(int id) => "managed account " + AdminClient.Segment(id);

    public Task<ManagedAccountSettings> GetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<ManagedAccountSettings>("ManagedAccounts/" + AdminClient.Segment(id), Operation("Reading", Describe(id)), log, token);

    /// <summary><c>GET ManagedSystems/{id}/ManagedAccounts</c>, optionally one account name (<c>?name=</c>).</summary>
    public Task<IReadOnlyList<ManagedAccountSettings>> ListForSystemAsync(int systemId, string? accountName, RequestLog log, CancellationToken token)
    {
        var path = "ManagedSystems/" + AdminClient.Segment(systemId) + "/ManagedAccounts";
        if (!string.IsNullOrEmpty(accountName))
        {
            path = Checkout.QueryString.Append(path, new[] { new KeyValuePair<string, string>("name", accountName!) });
        }

        return _client.GetListAsync<ManagedAccountSettings>(path, Operation("Listing the managed accounts of", ManagedSystemService.Describe(systemId)), log, token);
    }

    public Task<ManagedAccountSettings> CreateAsync(int systemId, IDictionary<string, object?> values, Version? version, RequestLog log, CancellationToken token)
    {
        var body = BuildForCreate(values, version);
        var name = values.TryGetValue("AccountName", out var accountName) ? accountName : null;
        return _client.SendForObjectAsync<ManagedAccountSettings>(HttpMethod.Post,
            ApiBodyVersion.AppendTo("ManagedSystems/" + AdminClient.Segment(systemId) + "/ManagedAccounts", body.Version), body.ToJson(),
            Operation("Creating", $"managed account '{name}' on " + ManagedSystemService.Describe(systemId), notFoundMeansTheItem: false), log, token);
    }

    /// <summary>§2.2: AccountName is required; a password too, unless the server manages the account (AutoManagementFlag).</summary>
    public static VersionedBody BuildForCreate(IDictionary<string, object?> values, Version? version)
    {
        if (!values.TryGetValue("AccountName", out var name) || string.IsNullOrWhiteSpace(name as string))
        {
            throw AdminErrors.Invalid("-AccountName is required for a new managed account (api-v3 section 2.2).", "Pass -AccountName.");
        }

        var autoManaged = values.TryGetValue("AutoManagementFlag", out var auto) && auto is bool flag && flag;
        if (!autoManaged && (!values.TryGetValue("Password", out var password) || string.IsNullOrEmpty(password as string)))
        {
            throw AdminErrors.Invalid($"Managed account '{name}' needs -Password unless -AutoManagement is set (api-v3 section 2.2).",
                "Pass -Password (a SecureString), or -AutoManagement to let Password Safe set and rotate the password.");
        }

        var body = BodyBuilder.Build("managed account", ManagedAccountFields.All, values, null, version);
        BodyBuilder.RequireNotAbove(body, "ReleaseDuration", "ReleaseDuration", "MaxReleaseDuration", "MaxReleaseDuration");
        return body;
    }

    /// <summary>
    /// Reads the account and works out <c>PUT ManagedAccounts/{id}</c>: the current values with the changes
    /// (<c>?version=</c> only when a later field is used), and which changes differ from what the account has; when none
    /// does, nothing is built.
    /// </summary>
    public async Task<PlannedUpdate<ManagedAccountSettings>> PlanUpdateAsync(int id, IDictionary<string, object?> changes, Version? version, RequestLog log, CancellationToken token)
    {
        var response = await _client.GetAsync("ManagedAccounts/" + AdminClient.Segment(id), Operation("Reading", Describe(id)), log, token).ConfigureAwait(false);
        var current = AdminJson.ReadObject<ManagedAccountSettings>(response, _client.Session);
        var baseline = ManagedSystemService.Baseline(AdminJson.Parse(response) as JObject, ManagedAccountFields.Updatable);
        var changed = ChangedFields.Of(ManagedAccountFields.Updatable, changes, baseline).Select(f => f.ParameterName).ToList();
        if (changed.Count == 0)
        {
            return new PlannedUpdate<ManagedAccountSettings>(id, current, changed, null, null);
        }

        var body = BodyBuilder.Build("managed account", ManagedAccountFields.Updatable, changes, baseline, version);
        BodyBuilder.RequireNotAbove(body, "ReleaseDuration", "ReleaseDuration", "MaxReleaseDuration", "MaxReleaseDuration");
        var path = "ManagedAccounts/" + AdminClient.Segment(id);
        if (body.Version > ApiBodyVersion.Default)
        {
            path = ApiBodyVersion.AppendTo(path, body.Version);
        }

        return new PlannedUpdate<ManagedAccountSettings>(id, current, changed, path, body.ToJson());
    }

    /// <summary>Sends a planned update that changes something.</summary>
    public Task<ManagedAccountSettings> SendUpdateAsync(PlannedUpdate<ManagedAccountSettings> plan, RequestLog log, CancellationToken token) =>
        _client.SendForObjectAsync<ManagedAccountSettings>(HttpMethod.Put, plan.Path!, plan.Body!, Operation("Updating", Describe(plan.Id)), log, token);

    public Task DeleteAsync(int id, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync("ManagedAccounts/" + AdminClient.Segment(id), Operation("Removing", Describe(id)), log, token);

    /// <summary>§4.2 (204). The body carries secrets, so the session never logs it (Credentials paths are sensitive).</summary>
    public Task SetCredentialAsync(int id, string body, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Put, "ManagedAccounts/" + AdminClient.Segment(id) + "/Credentials", body,
            Credentials("Setting the credentials of", id), log, token);

    public Task ChangeCredentialAsync(int id, bool queue, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, "ManagedAccounts/" + AdminClient.Segment(id) + "/Credentials/Change",
            queue ? "{\"Queue\":true}" : "{\"Queue\":false}", Credentials("Changing the password of", id), log, token);

    /// <summary>§4.2: <c>{ "Success": bool }</c>.</summary>
    public async Task<bool> TestCredentialAsync(int id, RequestLog log, CancellationToken token)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "ManagedAccounts/" + AdminClient.Segment(id) + "/Credentials/Test", "{}",
            Credentials("Testing the credentials of", id), log, token).ConfigureAwait(false);
        var result = AdminJson.Parse(response);
        var success = result is JObject json ? AdminJson.Property(json, "Success") : result;
        if (success == null || success.Type != JTokenType.Boolean)
        {
            throw new PasswordSafeException(Internal.ErrorIds.InvalidServerResponse,
                $"{response.Method} {response.RedactedUri} answered without a Success value.", response.SeeTheAnswerHint);
        }

        return success.Value<bool>();
    }

    private static AdminOperation Operation(string action, string item, bool notFoundMeansTheItem = true) =>
        new AdminOperation(action, item, AdminPermission.Accounts, notFoundMeansTheItem);

    private static AdminOperation Credentials(string action, int id) => new AdminOperation(action, Describe(id), AdminPermission.Credentials);
}
