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
            var current = await client.FindOwnRequestAsync(requestId, log, cancellationToken).ConfigureAwait(false)
                          ?? throw CheckoutErrors.EndedWhilePending(description);
            if (!string.Equals(current.Status, "Pending", StringComparison.OrdinalIgnoreCase))
            {
                log.Verbose($"The {description} was approved after {(int)waited.Elapsed.TotalSeconds} s.");
                return;
            }
        }
    }
}
