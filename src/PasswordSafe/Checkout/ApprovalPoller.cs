using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Checkout;

/// <summary>
/// Waits, without a pipeline to report to, until a pending request is active (Use-PSCredential -ApprovalTimeoutSec):
/// polls <c>GET Requests</c>; throws RequestNotActive when the request ends meanwhile (denied, canceled, expired) and
/// RequestNotApproved when it is still pending at the timeout. Wait-PSRequest has its own loop, which reports progress.
/// </summary>
internal static class ApprovalPoller
{
    /// <summary>A tenth of the timeout, between 1 and 5 seconds: short waits notice an approval quickly, long ones do not hammer the server.</summary>
    public static TimeSpan IntervalFor(TimeSpan timeout) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Min(5, Math.Floor(timeout.TotalSeconds / 10))));

    /// <summary>
    /// What one look at the request list found (null: not listed): true once active, false while pending;
    /// RequestNotActive when it has left the list (denied, canceled, expired). Wait-PSRequest reads its polls the same way.
    /// </summary>
    public static bool IsApproved(Request? current, string description) =>
        current == null ? throw CheckoutErrors.EndedWhilePending(description)
        : !string.Equals(current.Status, "Pending", StringComparison.OrdinalIgnoreCase);

    public static async Task WaitAsync(CheckoutClient client, int requestId, string description, TimeSpan timeout, RequestLog log,
        CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var interval = IntervalFor(timeout);
        while (true)
        {
            var left = timeout - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw CheckoutErrors.StillPending(description, (int)timeout.TotalSeconds);
            }

            await Task.Delay(left < interval ? left : interval, cancellationToken).ConfigureAwait(false);
            if (IsApproved(await client.FindOwnRequestAsync(requestId, log, cancellationToken).ConfigureAwait(false), description))
            {
                log.Verbose($"The {description} was approved after {(int)waited.Elapsed.TotalSeconds} s.");
                return;
            }
        }
    }
}
