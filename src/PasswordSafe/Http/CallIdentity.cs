using System;

namespace PasswordSafe.Http;

/// <summary>
/// Who a call ran as, on which server: "CONTOSO\jdoe on pws.example.com" (the port only when it is not the scheme's).
/// A refusal names it because the session is not always the runspace's default: a piped object brings the session it
/// was read with. A user name and a host, never anything secret.
/// </summary>
internal sealed class CallIdentity
{
    private CallIdentity(string userName, string server)
    {
        UserName = userName;
        Server = server;
    }

    /// <summary>The user the server ran the call as (the session's signed-in or run-as user).</summary>
    public string UserName { get; }

    /// <summary>The server's host, with the port when it is not the scheme's.</summary>
    public string Server { get; }

    /// <summary>The user on the server of <paramref name="callUri"/>, or null when either is not known.</summary>
    public static CallIdentity? Of(string? userName, Uri? callUri) =>
        string.IsNullOrEmpty(userName) || callUri == null || !callUri.IsAbsoluteUri ? null : new CallIdentity(userName!, callUri.Authority);

    public override string ToString() => $"{UserName} on {Server}";
}
