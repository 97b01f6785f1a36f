using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// The file session types (rdpfile, appfile; api-v3 §5.1) answer with the file itself, saved to -OutFile; the ticket
/// types answer with a ticket object. Shared by New-PSAccessSession, New-PSIsaSession and New-PSAdminSession so the
/// three check -OutFile, save the file and report a failed save alike.
/// </summary>
internal static class SessionFileWriter
{
    public static bool IsFileType(string? sessionType) =>
        string.Equals(sessionType, "rdpfile", StringComparison.OrdinalIgnoreCase)
        || string.Equals(sessionType, "appfile", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Before anything is sent: a file type needs -OutFile (OutFileRequired), a ticket type must not have one
    /// (ValidationFailed). <paramref name="fileTypes"/> names the file types the cmdlet offers, for the hint.
    /// </summary>
    public static void EnsureOutFileFits(string sessionType, string? outFile, string fileTypes = "rdpfile or appfile")
    {
        // "An": every session type (SSH, RDP, rdpfile, app…) starts with a vowel sound.
        if (IsFileType(sessionType) && outFile == null)
        {
            throw new PasswordSafeException(ErrorIds.OutFileRequired, $"An {sessionType} session is answered with a file.",
                "Pass -OutFile with the path to save it to, e.g. -OutFile .\\session.rdp.");
        }

        if (!IsFileType(sessionType) && outFile != null)
        {
            throw new PasswordSafeException(ErrorIds.ValidationFailed, $"An {sessionType} session is a ticket, not a file, so -OutFile does not apply.",
                $"Use -SessionType {fileTypes} with -OutFile, or leave -OutFile out.");
        }
    }

    /// <summary>The session a 201 answer describes: the ticket object, or for a file type the file saved to <paramref name="outFile"/>.</summary>
    public static AccessSession ToAccessSession(PSCmdlet cmdlet, ApiResponse response, string sessionType, string? outFile)
    {
        var session = IsFileType(sessionType)
            ? new AccessSession { FilePath = Save(cmdlet, outFile!, response.Body) }
            : CheckoutJson.ReadAccessSession(response);
        session.SessionType = sessionType;
        return session;
    }

    /// <summary>Resolves a PowerShell path (relative to the current location, ~ allowed) and writes the file without a BOM.</summary>
    public static string Save(PSCmdlet cmdlet, string outFile, string content)
    {
        var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(outFile);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>The session was created but its file could not be written (the file is a one-time answer).</summary>
    public static PasswordSafeException SaveFailed(string? outFile, Exception e) =>
        new PasswordSafeException(ErrorIds.ValidationFailed, $"The session file could not be saved to '{outFile}': {e.Message}",
            "Pass an -OutFile path in a folder you can write to.", e);

    public static bool IsSaveFailure(Exception e) => e is IOException || e is UnauthorizedAccessException;
}
