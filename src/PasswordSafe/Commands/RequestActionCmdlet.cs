using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// The cmdlets that act on one request at a time (check-in, approve, deny, rotate-on-check-in): a request
/// object or a -RequestId from the pipeline, ShouldProcess per request, and a per-item error so the rest go on.
/// -PassThru writes each request as it now is, reading the request list at most once per call (see
/// <see cref="ClosedStatus"/>).
/// </summary>
public abstract class RequestActionCmdlet : RequestInputCmdlet
{
    /// <summary>The verb phrase for -WhatIf, e.g. "Check in".</summary>
    internal abstract string Action { get; }

    /// <summary>The queue that lists the request for the caller: <c>app</c> for approvers, <c>req</c> for the requestor.</summary>
    internal abstract string Queue { get; }

    /// <summary>
    /// True when the action ends the request (check-in, deny): an ended request is no longer listed, so -PassThru writes
    /// the request as it was with <see cref="ClosedStatus"/> (the list is read once, before, for requests given by id or
    /// piped as pending: see <see cref="EndedFrom"/>). False when it stays open (approve, rotate-on-check-in): it is read back once, after the last request.
    /// </summary>
    internal virtual bool EndsRequest => false;

    /// <summary>The status an ending action leaves a request of status <paramref name="before"/> (null: not known) in.</summary>
    internal virtual string ClosedStatus(string? before) => "Unknown";

    /// <param name="about">The request's account for error messages, when the request came as an object; else null.</param>
    internal abstract System.Threading.Tasks.Task SendAsync(CheckoutClient client, int requestId, string? about, RequestLog log, System.Threading.CancellationToken token);

    /// <summary>Writes each request as it is after the action (its Status, and for approvals the new dates).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private BulkProgress? _progress;

    // -PassThru for actions that keep the request open: what was acted on, read back together at the end.
    private readonly List<ActedOn> _toReadBack = new List<ActedOn>();

    // -PassThru for actions that end the request, by id: the list as it was, read once per session.
    private readonly Dictionary<PasswordSafeSession, IReadOnlyList<Request>?> _listedBefore = new Dictionary<PasswordSafeSession, IReadOnlyList<Request>?>();

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _progress = new BulkProgress(ProgressActivityIds.RequestAction, Action + ": requests", WriteProgress);
    }

    protected override void ProcessItem()
    {
        var client = Connect(out var session);
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
            var closes = EndsRequest;
            var before = PassThru && closes ? EndedFrom(client, session, requestId) : InputObject;
            var about = InputObject != null ? description : null;
            Run((log, token) => SendAsync(client, requestId, about, log, token));
            if (!PassThru)
            {
                return;
            }

            if (closes)
            {
                var ended = before?.WithStatus(ClosedStatus(before.Status)) ?? new Request { RequestId = requestId, Status = ClosedStatus(null), Session = session };
                WriteObject(Marked(ended));
            }
            else
            {
                _toReadBack.Add(new ActedOn(client, session, requestId, InputObject));
            }
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
        WriteReadBack();
        base.EndProcessing();
    }

    /// <summary>One <c>GET Requests</c> per session for everything acted on, written in the order acted on.</summary>
    private void WriteReadBack()
    {
        if (_toReadBack.Count == 0)
        {
            return;
        }

        var listed = new Dictionary<PasswordSafeSession, IReadOnlyList<Request>?>();
        foreach (var acted in _toReadBack)
        {
            if (!listed.TryGetValue(acted.Session, out var requests))
            {
                requests = ReadList(acted.Client, acted.Session, listed, after: true);
            }

            var now = requests?.FirstOrDefault(r => r.RequestId == acted.RequestId);
            if (now != null)
            {
                WriteObject(Marked(now));
            }
            else if (requests != null)
            {
                // Expired or ended by someone else between the action and the read: say so rather than show it as it was.
                WriteWarning($"The {(acted.Before != null ? "request for " + DescribeRequest(acted.Before) : MaskedRequest)} was no longer listed after '{Action}', so it is not written: it has ended since.");
            }
            else if (acted.Before != null)
            {
                WriteObject(Marked(acted.Before));
            }
        }
    }

    /// <summary>The request list of this session, read once (null when it could not be read: a warning says so).</summary>
    private IReadOnlyList<Request>? ReadList(CheckoutClient client, PasswordSafeSession session, Dictionary<PasswordSafeSession, IReadOnlyList<Request>?> cache,
        bool after)
    {
        IReadOnlyList<Request>? requests = null;
        try
        {
            requests = Run(async (log, token) =>
            {
                var read = await client.GetRequestsAsync("all", Queue, log, token).ConfigureAwait(false);
                await client.NameAliasesAsync(read, AliasNamesExplained, log, token).ConfigureAwait(false);
                return read;
            });
        }
        catch (PasswordSafeException e)
        {
            WriteWarning(after
                ? $"'{Action}' was done, but the requests could not be read back for -PassThru, so they are written as they were: {e.Message}"
                : $"The requests could not be read for -PassThru, so those given by id are written with their id and new status only: {e.Message}");
        }

        cache[session] = requests;
        return requests;
    }

    /// <summary>
    /// For -PassThru of an action that ends the request: the request just before it. A piped request read as active still
    /// is (nothing turns an active request pending), so it is used as it is; one read as pending may have been approved
    /// since (the runbook pattern: New-PSRequest, Wait-PSRequest, then check-in), and one given by id is unknown, so for
    /// those the list, read once per call, tells.
    /// </summary>
    private Request? EndedFrom(CheckoutClient client, PasswordSafeSession session, int requestId)
    {
        if (InputObject != null && !string.Equals(InputObject.Status, "Pending", System.StringComparison.OrdinalIgnoreCase))
        {
            return InputObject;
        }

        return ListedBefore(client, session, requestId) ?? InputObject;
    }

    /// <summary>The request as listed before the action, for -PassThru of a request that the action ends.</summary>
    private Request? ListedBefore(CheckoutClient client, PasswordSafeSession session, int requestId)
    {
        if (!_listedBefore.TryGetValue(session, out var requests))
        {
            requests = ReadList(client, session, _listedBefore, after: false);
        }

        return requests?.FirstOrDefault(r => r.RequestId == requestId);
    }

    /// <summary>Approvers' requests show with the view that names who asked (as Get-PSRequest -Queue Approver does).</summary>
    private object Marked(Request request) => Queue == "app" ? ApproverQueueView.Mark(request) : (object)request;

    private sealed class ActedOn
    {
        public ActedOn(CheckoutClient client, PasswordSafeSession session, int requestId, Request? before)
        {
            Client = client;
            Session = session;
            RequestId = requestId;
            Before = before;
        }

        public CheckoutClient Client { get; }

        public PasswordSafeSession Session { get; }

        public int RequestId { get; }

        public Request? Before { get; }
    }
}
