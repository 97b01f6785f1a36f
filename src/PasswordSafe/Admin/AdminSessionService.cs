using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>
/// Admin sessions (api-v3 §5.1, <c>POST Sessions/Admin</c>): a proxied SSH or RDP session to any host with credentials
/// the caller supplies. The answer is a session ticket, or the .rdp file for rdpfile; a refusal names the
/// "Password Safe Admin Session" permission.
/// </summary>
internal sealed class AdminSessionService
{
    private readonly AdminClient _client;

    public AdminSessionService(AdminClient client) => _client = client;

    public Task<ApiResponse> CreateAsync(AdminSessionSpec spec, RequestLog log, CancellationToken token) =>
        _client.SendAsync(HttpMethod.Post, "Sessions/Admin", spec.ToJson(),
            new AdminOperation("Opening an admin session to", Describe(spec.HostName), AdminPermission.AdminSession), log, token);

    public static string Describe(string hostName) => $"host '{hostName}'";
}
