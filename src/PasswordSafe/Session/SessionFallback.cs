using System;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Session;

/// <summary>
/// Objects keep the session they were read with, and their Session property binds -Session from the pipeline. After
/// Disconnect-PasswordSafe and a new Connect-PasswordSafe (users.md #1: re-login in long runs) such an object may use
/// this runspace's default session instead, but only when the default is the same user on the same server: it then owns
/// the same requests and may see the same accounts, so the call means what it meant. A session given with -Session is
/// used as given (ARCHITECTURE.md "Decisions").
/// </summary>
internal static class SessionFallback
{
    /// <summary>The session to use in place of a disconnected one that came with a piped object, or null when none may.</summary>
    public static PasswordSafeSession? Replacement(PasswordSafeSession session, SessionOrigin origin, PasswordSafeSession? defaultSession) =>
        origin == SessionOrigin.Piped && !session.IsConnected && defaultSession != null && defaultSession.IsConnected
        && IsSameUserOnSameServer(session, defaultSession)
            ? defaultSession
            : null;

    /// <summary>
    /// Same base URI and same user: the server's user id where both sessions know it, and the user name where both know
    /// it (case-insensitively, as the server compares names). An OAuth session impersonating a user (RunAs) is that user.
    /// </summary>
    public static bool IsSameUserOnSameServer(PasswordSafeSession a, PasswordSafeSession b)
    {
        if (!string.Equals(a.BaseUri.AbsoluteUri, b.BaseUri.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var idsKnown = a.UserId.HasValue && b.UserId.HasValue;
        var namesKnown = a.UserName != null && b.UserName != null;
        return (idsKnown || namesKnown)
            && (!idsKnown || a.UserId == b.UserId)
            && (!namesKnown || string.Equals(a.UserName, b.UserName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The Verbose line for a replacement: names and the server only, nothing secret.</summary>
    /// <summary>Use-PSCredential: the script block ended the session the request was made in and signed in again.</summary>
    public static string ReplacedForCheckInNote(PasswordSafeSession replaced) =>
        $"The session the request was made in ({Describe(replaced)}) was disconnected while the script block ran; checking it in "
        + "with this runspace's default session, which is connected to the same server as the same user.";

    public static string ReplacedNote(PasswordSafeSession replaced) =>
        $"The session this object came from ({Describe(replaced)}) is disconnected; using this runspace's default session, "
        + "which is connected to the same server as the same user.";

    /// <summary>
    /// NotConnected for a disconnected session nothing may replace: whose session it was, why the default did not stand
    /// in, why it is disconnected when the server ended it (rather than Disconnect-PasswordSafe), and how to go on
    /// (connect as that user to that server, or pass -Session).
    /// </summary>
    public static PasswordSafeException Disconnected(PasswordSafeSession session, SessionOrigin origin, PasswordSafeSession? defaultSession)
    {
        var user = session.UserName ?? "the same user";
        var server = session.BaseUri.AbsoluteUri;
        var reason = session.Connection.EndReason;
        var why = reason == null ? string.Empty : " " + reason;
        var connect = reason == null ? "Connect" : "Once the cause is fixed, connect";
        switch (origin)
        {
            case SessionOrigin.Explicit:
                return new PasswordSafeException(ErrorIds.NotConnected,
                    $"The session passed with -Session ({Describe(session)}) is disconnected.{why}",
                    $"{connect} as {user} to {server} with Connect-PasswordSafe, and pass the new session with -Session or leave -Session out to use this runspace's default session.");
            case SessionOrigin.Piped:
                return new PasswordSafeException(ErrorIds.NotConnected,
                    $"The session this object came from ({Describe(session)}) is disconnected, and {WhyNotTheDefault(session, defaultSession)}.{why}",
                    $"{connect} as {user} to {server} with Connect-PasswordSafe (objects from the old session then use the new one), or pass -Session.");
            default:
                return new PasswordSafeException(ErrorIds.NotConnected,
                    $"This runspace's default session ({Describe(session)}) is disconnected.{why}",
                    $"{connect} as {user} to {server} with Connect-PasswordSafe, or pass -Session.");
        }
    }

    private static string WhyNotTheDefault(PasswordSafeSession session, PasswordSafeSession? defaultSession)
    {
        if (defaultSession == null)
        {
            return "this runspace has no default session to use instead";
        }

        if (!defaultSession.IsConnected)
        {
            return "this runspace's default session is disconnected too";
        }

        return string.Equals(session.BaseUri.AbsoluteUri, defaultSession.BaseUri.AbsoluteUri, StringComparison.OrdinalIgnoreCase)
            ? $"this runspace's default session is connected as {defaultSession.UserName ?? "another user"}, so it does not stand in for it"
            : $"this runspace's default session is connected to another server ({defaultSession.BaseUri.AbsoluteUri})";
    }

    private static string Describe(PasswordSafeSession session) => $"{session.UserName ?? "unknown user"} on {session.BaseUri.AbsoluteUri}";
}
