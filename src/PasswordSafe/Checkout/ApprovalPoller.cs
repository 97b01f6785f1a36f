using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Checkout;

/// <summary>
/// Waits until a pending request is active (Use-PSCredential -ApprovalTimeoutSec): polls <c>GET Requests</c>; throws
/// RequestNotActive when the request ends meanwhile (denied, canceled, expired) and RequestNotApproved when it is still
/// pending at the timeout. It runs off the pipeline thread, so it posts its progress to the log, which the waiting
/// cmdlet shows. Wait-PSRequest has its own loop on the pipeline thread.
/// </summary>
internal static class ApprovalPoller
{
    /// <summary>A tenth of the timeout, between 1 and 5 seconds: short waits notice an approval quickly, long ones do not hammer the server.</summary>
    public static TimeSpan IntervalFor(TimeSpan timeout) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Min(5, Math.Floor(timeout.TotalSeconds / 10))));

    /// <summary>
    /// What one look at the request list found (null: not listed): true once active, false while pending;
    /// RequestNotActive when it has left the list (denied, canceled, expired), or is still listed with a status that says
    /// it ended (a server may keep ended requests in <c>status=all</c>: api-v3 §3.1 names only Active and Pending).
    /// Wait-PSRequest reads its polls the same way.
    /// </summary>
    public static bool IsApproved(Request? current, string description) =>
        current == null || HasEnded(current.Status) ? throw CheckoutErrors.EndedWhilePending(description)
        : !string.Equals(current.Status, "Pending", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] EndedStatuses = { "Denied", "Rejected", "CheckedIn", "Expired", "Canceled", "Cancelled", "Terminated", "Released" };

    private static bool HasEnded(string? status) =>
        status != null && Array.Exists(EndedStatuses, ended => string.Equals(ended, status, StringComparison.OrdinalIgnoreCase));

    /// <summary>The approval-wait bar, here and in Wait-PSRequest: what is waited for, and how long of how long.</summary>
    public static ProgressRecord Progress(string description, TimeSpan waited, TimeSpan timeout) =>
        new ProgressRecord(Commands.ProgressActivityIds.ApprovalWait, "Waiting for approval",
            $"{description}: {((int)waited.TotalSeconds).ToString(CultureInfo.InvariantCulture)} of {((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s")
        {
            PercentComplete = Math.Min(100, (int)(waited.TotalSeconds * 100 / Math.Max(1, timeout.TotalSeconds))),
        };

    public static async Task WaitAsync(CheckoutClient client, int requestId, string description, TimeSpan timeout, RequestLog log,
        CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var interval = IntervalFor(timeout);
        while (true)
        {
            log.Progress(Progress(description, waited.Elapsed, timeout));
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
