using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>API registrations and their keys (spec A1–A6, api-v3 §6.7).</summary>
internal sealed class ApiRegistrationService
{
    private readonly AdminClient _client;

    public ApiRegistrationService(AdminClient client) => _client = client;

    public static string Describe(int id) => "API registration " + AdminClient.Segment(id);

    public Task<System.Collections.Generic.IReadOnlyList<ApiRegistration>> ListAsync(RequestLog log, CancellationToken token) =>
        _client.GetListAsync<ApiRegistration>("ApiRegistrations", Operation("Listing", "API registrations"), log, token);

    public Task<ApiRegistration> GetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<ApiRegistration>("ApiRegistrations/" + AdminClient.Segment(id), Operation("Reading", Describe(id)), log, token);

    public Task<ApiRegistration> CreateAsync(ApiRegistrationSpec spec, RequestLog log, CancellationToken token)
    {
        var body = ApiRegistrationBody.Build(spec, current: null);
        return _client.SendForObjectAsync<ApiRegistration>(HttpMethod.Post, "ApiRegistrations", body,
            Operation("Creating", $"API registration '{spec.Name}'"), log, token);
    }

    public Task<ApiRegistration> UpdateAsync(ApiRegistration current, ApiRegistrationSpec spec, RequestLog log, CancellationToken token)
    {
        var body = ApiRegistrationBody.Build(spec, current);
        return _client.SendForObjectAsync<ApiRegistration>(HttpMethod.Put, "ApiRegistrations/" + AdminClient.Segment(current.RegistrationId), body,
            Operation("Updating", Describe(current.RegistrationId)), log, token);
    }

    public Task DeleteAsync(int id, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync("ApiRegistrations/" + AdminClient.Segment(id), Operation("Removing", Describe(id)), log, token);

    /// <summary>A6: reading the key is audited by the server. The key goes straight into a SecureString.</summary>
    public async Task<SecureString> ReadKeyAsync(int id, RequestLog log, CancellationToken token)
    {
        var response = await _client.GetAsync("ApiRegistrations/" + AdminClient.Segment(id) + "/Key", Operation("Reading the key of", Describe(id)), log, token).ConfigureAwait(false);
        return SecureStringReader.FromPlainText(AdminJson.ReadString(response));
    }

    /// <summary>A6: rotation is audited; the old key gets 401 from now on.</summary>
    public async Task<SecureString> RotateKeyAsync(int id, RequestLog log, CancellationToken token)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "ApiRegistrations/" + AdminClient.Segment(id) + "/Rotate", "{}",
            Operation("Rotating the key of", Describe(id)), log, token).ConfigureAwait(false);
        return SecureStringReader.FromPlainText(AdminJson.ReadString(response));
    }

    private static AdminOperation Operation(string action, string item) => new AdminOperation(action, item, AdminPermission.ApiRegistrations);
}
