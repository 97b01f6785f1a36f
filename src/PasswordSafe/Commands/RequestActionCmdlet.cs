using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// The cmdlets that act on one request at a time (check-in, approve, deny, rotate-on-check-in): a request
/// object or a -RequestId from the pipeline, ShouldProcess per request, and a per-item error so the rest go on.
/// </summary>
public abstract class RequestActionCmdlet : RequestInputCmdlet
{
    /// <summary>The verb phrase for -WhatIf, e.g. "Check in".</summary>
    internal abstract string Action { get; }

    /// <param name="about">The request's account for error messages, when the request came as an object; else null.</param>
    internal abstract System.Threading.Tasks.Task SendAsync(CheckoutClient client, int requestId, string? about, RequestLog log, System.Threading.CancellationToken token);

    private BulkProgress? _progress;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _progress = new BulkProgress(ProgressActivityIds.RequestAction, Action + ": requests", WriteProgress);
    }

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        var requestId = CurrentRequestId;
        // The target names the account, never the request id (ids are masked like in URLs).
        var target = CurrentTarget;
        var description = DescribeCurrent();
        if (!ShouldProcess(description, Action))
        {
            return;
        }

        _progress?.Starting(description);

        try
        {
            var about = InputObject != null ? description : null;
            Run((log, token) => SendAsync(client, requestId, about, log, token));
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
        finally
        {
            _progress?.Finished();
        }
    }

    protected override void EndProcessing()
    {
        _progress?.Complete();
        base.EndProcessing();
    }
}
