using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Waits until requests that need approval are approved (spec E1: "GET Credentials once approved"), polling
/// <c>GET Requests</c>, so a scheduled script can run <c>New-PSRequest | Wait-PSRequest | Get-PSCredential</c>. A request
/// already active is written at once; the pending ones are waited for together (one <c>GET Requests</c> per session
/// and interval answers for all of them), each written as soon as it is approved, each with its own -TimeoutSec from
/// its first look. A request that is denied or ends meanwhile, or is still pending at its timeout, is that request's
/// error. Ctrl+C stops the wait at once.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "PSRequest", DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(Request))]
public sealed class WaitPSRequestCommand : RequestInputCmdlet
{
    private readonly List<PendingApproval> _pending = new List<PendingApproval>();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>How long to wait for each request, from its first look.</summary>
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
        try
        {
            var current = Run((log, token) => client.FindOwnRequestAsync(requestId, log, token));
            if (current == null)
            {
                // Not open at the first look: nothing ended "while waiting", and a typed id may never have been ours.
                throw CheckoutErrors.NotOpenBeforeWaiting(description, byId: InputObject == null);
            }

            if (ApprovalPoller.IsApproved(current, description))
            {
                WriteObject(Named(client, current, InputObject));
                return;
            }

            _pending.Add(new PendingApproval(client, requestId, description, target, InputObject, _clock.Elapsed + TimeSpan.FromSeconds(TimeoutSec)));
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
    }

    protected override void EndProcessing()
    {
        var progressShown = false;
        try
        {
            while (_pending.Count > 0)
            {
                var now = _clock.Elapsed;
                foreach (var late in _pending.Where(p => p.Deadline <= now).ToList())
                {
                    _pending.Remove(late);
                    WriteItemError(CheckoutErrors.StillPending(late.Description, TimeoutSec), late.Target);
                }

                if (_pending.Count == 0)
                {
                    break;
                }

                WriteProgress(Progress(now, ProgressRecordType.Processing));
                progressShown = true;
                var left = _pending.Min(p => p.Deadline) - now;
                var pause = TimeSpan.FromSeconds(Math.Min(PollIntervalSec, Math.Ceiling(left.TotalSeconds)));
                if (StopToken.WaitHandle.WaitOne(pause))
                {
                    return;
                }

                PollOnce();
            }
        }
        finally
        {
            if (progressShown && !StopToken.IsCancellationRequested)
            {
                WriteProgress(Progress(_clock.Elapsed, ProgressRecordType.Completed));
            }
        }

        base.EndProcessing();
    }

    /// <summary>One request list per session answers for every request waiting in it; each approved one is written now.</summary>
    private void PollOnce()
    {
        foreach (var sameSession in _pending.GroupBy(p => p.Client.Session).ToList())
        {
            var client = sameSession.First().Client;
            IReadOnlyList<Request> listed;
            try
            {
                listed = Run((log, token) => client.GetRequestsAsync("all", "req", log, token));
            }
            catch (PasswordSafeException e)
            {
                // The list could not be read: each request waiting on it gets the error (and is no longer waited for).
                foreach (var waiting in sameSession)
                {
                    _pending.Remove(waiting);
                    WriteItemError(e, waiting.Target);
                }

                continue;
            }

            foreach (var waiting in sameSession)
            {
                try
                {
                    var current = listed.FirstOrDefault(r => r.RequestId == waiting.RequestId);
                    if (!ApprovalPoller.IsApproved(current, waiting.Description))
                    {
                        continue;
                    }

                    _pending.Remove(waiting);
                    WriteObject(Named(client, current!, waiting.Piped));
                }
                catch (PasswordSafeException e)
                {
                    _pending.Remove(waiting);
                    WriteItemError(e, waiting.Target);
                }
            }
        }
    }

    /// <summary>The approved request with its alias name: the piped request's when it has one, else read (only for alias requests).</summary>
    private Request Named(CheckoutClient client, Request approved, Request? piped)
    {
        if (piped?.AliasName is { } aliasName && piped.AliasId == approved.AliasId)
        {
            approved.AliasName = aliasName;
        }

        Run((log, token) => client.NameAliasesAsync(new[] { approved }, AliasNamesExplained, log, token));
        return approved;
    }

    /// <summary>Measured from the longest-waiting request's first look; several requests are counted and the first few named.</summary>
    private ProgressRecord Progress(TimeSpan now, ProgressRecordType type)
    {
        var longest = TimeSpan.FromSeconds(TimeoutSec) - (_pending.Count > 0 ? _pending.Min(p => p.Deadline) - now : TimeSpan.Zero);
        var waited = longest < TimeSpan.Zero ? TimeSpan.Zero : longest;
        var what = _pending.Count == 1 ? _pending[0].Description
            : _pending.Count.ToString(CultureInfo.InvariantCulture) + " requests";
        var record = ApprovalPoller.Progress(what, waited, TimeSpan.FromSeconds(TimeoutSec));
        record.RecordType = type;
        if (_pending.Count > 1)
        {
            record.CurrentOperation = string.Join(", ", _pending.Take(3).Select(p => p.Description)) + (_pending.Count > 3 ? ", ..." : string.Empty);
        }

        return record;
    }
}
