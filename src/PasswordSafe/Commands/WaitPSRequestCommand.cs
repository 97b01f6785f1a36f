using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Waits until requests that need approval are approved (spec E1: "GET Credentials once approved"), polling
/// <c>GET Requests</c>, so a scheduled script can run <c>New-PSRequest | Wait-PSRequest | Get-PSCredential</c>. Writes
/// each request once it is active; a request that is denied or ends meanwhile, or is still pending at -TimeoutSec, is
/// that request's error. Ctrl+C stops the wait at once.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "PSRequest", DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(Request))]
public sealed class WaitPSRequestCommand : RequestInputCmdlet
{
    /// <summary>How long to wait for each request.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 300;

    /// <summary>How often to ask the server.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = 5;

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        var requestId = CurrentRequestId;
        var description = InputObject != null ? "request for " + DescribeCurrent() : MaskedRequest;
        var target = CurrentTarget;
        var waited = Stopwatch.StartNew();
        var progressShown = false;
        try
        {
            while (true)
            {
                var current = Run((log, token) => client.FindOwnRequestAsync(requestId, log, token));
                if (current == null && !progressShown)
                {
                    // Not open at the first look: nothing ended "while waiting", and a typed id may never have been ours.
                    throw CheckoutErrors.NotOpenBeforeWaiting(description, byId: InputObject == null);
                }

                if (ApprovalPoller.IsApproved(current, description))
                {
                    WriteObject(Named(client, current!));
                    return;
                }

                var left = TimeSpan.FromSeconds(TimeoutSec) - waited.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw CheckoutErrors.StillPending(description, TimeoutSec);
                }

                WriteProgress(Progress(description, waited.Elapsed, ProgressRecordType.Processing));
                progressShown = true;
                var pause = TimeSpan.FromSeconds(Math.Min(PollIntervalSec, Math.Ceiling(left.TotalSeconds)));
                if (StopToken.WaitHandle.WaitOne(pause))
                {
                    return;
                }
            }
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
        finally
        {
            if (progressShown && !StopToken.IsCancellationRequested)
            {
                WriteProgress(Progress(description, waited.Elapsed, ProgressRecordType.Completed));
            }
        }
    }

    /// <summary>The approved request with its alias name: the piped request's when it has one, else read (only for alias requests).</summary>
    private Request Named(CheckoutClient client, Request approved)
    {
        if (InputObject?.AliasName is { } aliasName && InputObject.AliasId == approved.AliasId)
        {
            approved.AliasName = aliasName;
        }

        Run((log, token) => client.NameAliasesAsync(new[] { approved }, AliasNamesExplained, log, token));
        return approved;
    }

    private ProgressRecord Progress(string description, TimeSpan waited, ProgressRecordType type) =>
        new ProgressRecord(ProgressActivityIds.ApprovalWait, "Waiting for approval",
            $"{description}: {((int)waited.TotalSeconds).ToString(CultureInfo.InvariantCulture)} of {TimeoutSec.ToString(CultureInfo.InvariantCulture)} s")
        {
            PercentComplete = Math.Min(100, (int)(waited.TotalSeconds * 100 / TimeoutSec)),
            RecordType = type,
        };
}
