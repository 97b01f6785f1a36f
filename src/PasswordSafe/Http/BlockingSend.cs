using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;

namespace PasswordSafe.Http;

/// <summary>
/// Lets a call that a cmdlet will wait for anyway run on the waiting thread itself, with the runtime's
/// synchronous <c>HttpClient.Send</c> (.NET 5 and later). The async path hands every answer from the socket
/// thread to a pool thread and then wakes the blocked pipeline thread: two thread switches per call, which
/// against a nearby server cost more than the call. Windows PowerShell 5.1 has no synchronous send and keeps
/// the async path.
/// </summary>
internal static class BlockingSend
{
    // Set only on the thread that waits (PasswordSafeCmdlet.Run) and only while it starts the call, so code
    // that continues on a pool thread after a real await (retry delays, renewal waits) stays asynchronous.
    [ThreadStatic]
    private static int _depth;

    private static readonly Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? Send = Find();

    /// <summary>True when this thread is going to block on the call anyway and the runtime can send synchronously.</summary>
    public static bool IsAllowed => _depth > 0 && Send != null;

    /// <summary>Marks the current thread as one that waits for the calls it starts until <see cref="Exit"/>.</summary>
    public static void Enter() => _depth++;

    public static void Exit() => _depth--;

    /// <summary>The synchronous send; only when <see cref="IsAllowed"/>.</summary>
    public static HttpResponseMessage Invoke(HttpClient client, HttpRequestMessage message, HttpCompletionOption completion, CancellationToken cancellationToken) =>
        Send!(client, message, completion, cancellationToken);

    private static Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? Find()
    {
        var method = typeof(HttpClient).GetMethod("Send", BindingFlags.Public | BindingFlags.Instance, null,
            new[] { typeof(HttpRequestMessage), typeof(HttpCompletionOption), typeof(CancellationToken) }, null);
        return method == null || method.ReturnType != typeof(HttpResponseMessage)
            ? null
            : (Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>)Delegate.CreateDelegate(
                typeof(Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>), method);
    }
}
