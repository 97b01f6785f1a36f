using System;
using System.IO;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// The file session types (rdpfile, appfile; api-v3 §5.1) answer with the file itself, saved to -OutFile; the ticket
/// types answer with a ticket object. Shared by New-PSAccessSession, New-PSIsaSession and New-PSAdminSession so the
/// three check -OutFile, make the file ready before asking for the session (PreparedSessionFile: owner-only, so the
/// ticket in it is the user's alone where the platform allows; OwnerOnlyFile), and report a failed save alike.
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

    /// <summary>How to end a request's session whose file was lost.</summary>
    public const string EndRequestSession =
        "End that session: check the request in with Complete-PSRequest (which ends its sessions), or pipe it from Get-PSAccessSession -Status NotStarted to Stop-PSAccessSession.";

    /// <summary>How to end an ISA or admin session whose file was lost: there is no request to check in.</summary>
    public const string EndListedSession =
        "End that session: pipe it from Get-PSAccessSession -Status NotStarted to Stop-PSAccessSession (this needs session monitoring rights; otherwise ask an administrator).";

    /// <summary>
    /// Before the session is asked for: resolves -OutFile (relative to the current location, ~ allowed) and creates an empty
    /// owner-only file beside it, so a missing folder, a folder given as the file, a read-only file or a folder that cannot
    /// be written fail here, with nothing sent. Off Windows on a runtime that cannot create owner-only files, warns.
    /// </summary>
    public static PreparedSessionFile Prepare(PSCmdlet cmdlet, string outFile)
    {
        var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(outFile);
        var folder = Path.GetDirectoryName(path);
        if (Directory.Exists(path))
        {
            throw NotSaveable($"-OutFile '{outFile}' is a folder.", $"Pass a file path, e.g. -OutFile {Path.Combine(path, "session.rdp")}.");
        }

        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            throw NotSaveable($"The folder of -OutFile '{outFile}' does not exist ({folder}).", "Create the folder first, or pass an -OutFile in a folder that exists.");
        }

        if (File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
        {
            throw NotSaveable($"-OutFile '{outFile}' is a read-only file.", "Pass another -OutFile, or make the file writable first.");
        }

        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        FileStream stream;
        try
        {
            stream = OwnerOnlyFile.CreateNew(temporary);
        }
        catch (Exception e) when (IsSaveFailure(e))
        {
            throw NotSaveable($"A file cannot be created in '{folder}': {e.Message}", "Pass an -OutFile in a folder you can write to.", e);
        }

        if (!OwnerOnlyFile.CanRestrict)
        {
            cmdlet.WriteWarning($"'{path}' holds a one-time session ticket, and this PowerShell cannot create it readable by you alone (PowerShell 7.3 or later can). Keep it in a folder only you can read, or delete it after use.");
        }

        return new PreparedSessionFile(path, temporary, stream);
    }

    /// <summary>The session a 201 answer describes: the ticket object, or for a file type the file saved through <paramref name="file"/>.</summary>
    public static AccessSession ToAccessSession(ApiResponse response, string sessionType, PreparedSessionFile? file, string howToEnd)
    {
        var session = IsFileType(sessionType)
            ? new AccessSession { FilePath = file!.Commit(response.Body, sessionType, howToEnd) }
            : CheckoutJson.ReadAccessSession(response);
        session.SessionType = sessionType;
        return session;
    }

    /// <summary>-OutFile cannot be saved to; found before anything was sent.</summary>
    private static PasswordSafeException NotSaveable(string problem, string action, Exception? inner = null) =>
        new PasswordSafeException(ErrorIds.ValidationFailed, problem + " No session was created.", action, inner);

    public static bool IsSaveFailure(Exception e) => e is IOException || e is UnauthorizedAccessException;
}
