using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// <c>POST Sessions/Admin</c> (api-v3 §5.1): a proxied SSH or RDP session to any host with credentials the caller supplies,
/// no managed account and no request. Needs the "Password Safe Admin Session" feature permission (Full control, as the
/// BeyondTrust API reference says: Read/Write here; an Administrators group holds it), else 403 4031 before the body is
/// read. 201 with the same ticket or .rdp file as request sessions [I]; 400 with the reason naming the field. The session
/// is listed by GET Sessions and ended by Sessions/{id}/Lock|Terminate; audited without the password.
/// </summary>
internal static class AdminSessionEndpoints
{
    internal static void Map(IEndpointRouteBuilder signedIn) =>
        signedIn.MapPost("/Sessions/Admin", CreateAsync).Requires(Permissions.PasswordSafeAdminSession);

    private static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var (json, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (json is null) return ApiResults.BadRequest(error!);
        AdminSessionBody body;
        try
        {
            body = new AdminSessionBody
            {
                SessionType = json.Text("SessionType"),
                HostName = json.Text("HostName"),
                Port = json.Int("Port"),
                DomainName = json.Text("DomainName"),
                UserName = json.Text("UserName"),
                Password = json.Text("Password"),
                Reason = json.Text("Reason"),
                Resolution = json.Text("Resolution"),
                RdpAdminSwitch = json.Bool("RDPAdminSwitch"),
                SmartSizing = json.Bool("SmartSizing"),
                Record = json.Bool("Record"),
            };
            // NodeID only picks a Remote Session Proxy node; the emulator has one (§5.1), so it is read and not used.
            _ = json.Text("NodeID");
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }

        if (body.Validate(out var kind) is { } reason) return ApiResults.BadRequest(reason);
        var target = body.ToTarget(kind);
        var record = state.Ledger.SessionBook.AddAdmin(target, caller.User, kind, state.Clock.GetUtcNow());
        var id = record.SessionId.ToString(CultureInfo.InvariantCulture);
        var display = kind.Protocol == AccessType.RDP ? new RdpDisplay(target.Resolution, target.SmartSizing, target.RdpAdminSwitch) : null;
        var ticket = new SessionTicket(id, SecretGenerator.NewSessionTicket(), kind, $"{target.HostName}-{target.UserName}", null, display);
        state.RecordAudit(AuditKinds.AdminSessionCreated, caller.User.SignInName, caller.RegistrationId, caller.SourceAddress,
            $"admin {kind} session {id} to {target} as {target.LogOnName}{(target.Record ? ", recorded" : ", not recorded")}" +
            (string.IsNullOrEmpty(target.Reason) ? string.Empty : $" because {target.Reason}"));
        return SessionResults.From(ticket, context);
    }
}
