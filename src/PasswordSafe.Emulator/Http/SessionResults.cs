using System.Text;
using Microsoft.AspNetCore.Http;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// The 201 answer of a new session (api-v3 §5.1, §5.3): a ticket object for SSH/RDP/app, or for rdpfile/appfile an
/// .rdp file as an attachment. The host is the one the client called, where the session proxy would listen.
/// </summary>
internal static class SessionResults
{
    internal static IResult From(SessionTicket ticket, HttpContext context)
    {
        var host = context.Request.Host.Host;
        var kind = ticket.Kind;
        if (kind.IsFile) return new RdpFileResult(RdpFile(ticket, host), FileName(ticket));
        if (kind.Protocol == AccessType.SSH)
        {
            var atHost = $"{ticket.Ticket}@{host}";
            return ApiResults.Json(new SshTicketJson(ticket.Id, ticket.Ticket, host, kind.Port, atHost,
                $"ssh://{atHost}:{kind.Port}", $"ssh {atHost} -p {kind.Port}"), StatusCodes.Status201Created);
        }
        return ApiResults.Json(new RdpTicketJson(ticket.Id, ticket.Ticket, host, kind.Port), StatusCodes.Status201Created);
    }

    /// <summary>The ticket is the user name the session proxy expects; the file never holds a password.</summary>
    private static string RdpFile(SessionTicket ticket, string host)
    {
        var text = new StringBuilder()
            .Append("full address:s:").Append(host).Append(':').Append(ticket.Kind.Port).Append("\r\n")
            .Append("username:s:").Append(ticket.Ticket).Append("\r\n")
            .Append("prompt for credentials:i:0\r\n")
            .Append("authentication level:i:0\r\n");
        AppendDisplay(text, ticket.Display);
        if (ticket.Kind.Protocol == AccessType.App)
            text.Append("remoteapplicationmode:i:1\r\n").Append("remoteapplicationname:s:").Append(ticket.ApplicationName).Append("\r\n");
        return text.ToString();
    }

    /// <summary>Full screen unless a <c>WxH</c> resolution asks for a window of that size; smart sizing and /admin when asked.</summary>
    private static void AppendDisplay(StringBuilder text, RdpDisplay? display)
    {
        if (display?.Resolution?.Split('x', 'X') is [var width, var height] && int.TryParse(width, out _) && int.TryParse(height, out _))
            text.Append("screen mode id:i:1\r\n").Append("desktopwidth:i:").Append(width).Append("\r\n")
                .Append("desktopheight:i:").Append(height).Append("\r\n");
        else
            text.Append("screen mode id:i:2\r\n");
        if (display is null) return;
        if (display.SmartSizing) text.Append("smart sizing:i:1\r\n");
        if (display.AdminSwitch) text.Append("administrative session:i:1\r\n");
    }

    private static string FileName(SessionTicket ticket)
    {
        var name = new StringBuilder();
        foreach (var c in ticket.FileStem)
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        return name.Append(".rdp").ToString();
    }
}
