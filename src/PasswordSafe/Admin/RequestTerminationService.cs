using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>
/// Ends every open request on a managed account, on a managed system or of a user (api-v3 §3.3:
/// <c>POST ManagedAccounts|ManagedSystems|Users/{id}/Requests/Terminate</c>, 204), for incident response.
/// </summary>
internal sealed class RequestTerminationService
{
    private readonly AdminClient _client;

    public RequestTerminationService(AdminClient client) => _client = client;

    public Task TerminateAsync(AccessTarget target, string? reason, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, target.Path + "/Requests/Terminate", CheckoutClient.ReasonBody(reason),
            new AdminOperation("Terminating the open requests of", target.Description, AdminPermission.Quarantine), log, token);
}
