using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Checkout;

/// <summary>
/// A request opened only to use its credential and then check it in (Use-PSCredential; spec E1). Once the
/// request exists, every way out checks it in: a failed credential read, Ctrl+C, a throwing script block.
/// Check-in runs on its own short token, because the pipeline's token is already cancelled when stopping.
/// </summary>
internal sealed class CredentialLease
{
    public static readonly TimeSpan DefaultCheckInTimeout = TimeSpan.FromSeconds(30);

    // The check-in comment when the credential could not be read and the request is withdrawn.
    private const string WithdrawReason = "Credential could not be read; released by Use-PSCredential.";

    private readonly CheckoutClient _client;
    private readonly TimeSpan _checkInTimeout;
    private int _closed;

    private CredentialLease(CheckoutClient client, CreatedRequest created, string secret, Request? request, TimeSpan checkInTimeout)
    {
        _client = client;
        RequestId = created.RequestId;
        Reused = created.Reused;
        Secret = secret;
        Request = request;
        _checkInTimeout = checkInTimeout;
    }

    public int RequestId { get; }

    /// <summary>
    /// The server answered with a request that was already open (-ConflictOption Reuse) instead of making one: it was
    /// opened before this lease (by an earlier run, or the caller's own enclosing Use-PSCredential), so closing the lease
    /// leaves it open for whoever opened it.
    /// </summary>
    public bool Reused { get; }

    /// <summary>Set by <see cref="Close"/> when the request had already ended (expired, checked in or ended elsewhere).</summary>
    public bool AlreadyEnded { get; private set; }

    /// <summary>
    /// The request as the server names it (names, domain): its listing when it was read back, or the alias credential's
    /// account; null when not asked for or not listed.
    /// </summary>
    public Request? Request { get; }

    /// <summary>The released password, DSS key or passphrase; the caller wraps it in a SecureString at once.</summary>
    public string Secret { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>
    /// Requests the account and reads the credential, waiting up to <paramref name="approvalTimeout"/> for an approver
    /// when the request is pending; if the read fails, times out or is cancelled, the request is checked in before the
    /// error goes on. <paramref name="readBack"/> also lists the request afterwards, for the account's names when the
    /// caller knows only its ids.
    /// </summary>
    public static Task<CredentialLease> OpenAsync(CheckoutClient client, NewRequestSpec spec, string accountDescription,
        string credentialType, RequestLog log, CancellationToken cancellationToken, TimeSpan? checkInTimeout = null, TimeSpan? approvalTimeout = null,
        bool readBack = false) =>
        OpenAsync(client, token => client.CreateRequestAsync(spec, accountDescription, log, token),
            async (created, token) =>
            {
                var secret = await client.GetCredentialAsync(created.RequestId, credentialType, log, token, accountDescription).ConfigureAwait(false);
                var request = readBack ? await client.FindOwnRequestAsync(created.RequestId, log, token).ConfigureAwait(false) : null;
                return new ReleasedCredential(secret, request);
            },
            spec, accountDescription, log, cancellationToken, checkInTimeout, approvalTimeout);

    /// <summary>
    /// The same through an alias: <c>POST Aliases/{id}/Requests</c> on its preferred account, and the alias form of the
    /// credential read, whose answer names the account (so no listing is needed for the user name).
    /// </summary>
    public static Task<CredentialLease> OpenThroughAliasAsync(CheckoutClient client, int aliasId, NewRequestSpec spec, string aliasDescription,
        string credentialType, RequestLog log, CancellationToken cancellationToken, TimeSpan? checkInTimeout = null, TimeSpan? approvalTimeout = null) =>
        OpenAsync(client, token => client.CreateAliasRequestAsync(aliasId, spec, aliasDescription, log, token),
            async (created, token) =>
            {
                var requestId = created.RequestId;
                if (created.Reused)
                {
                    // A reused request may have been made for the account directly, which the alias form of the read does
                    // not answer for: read it the plain way, and name the account from the request list.
                    var secret = await client.GetCredentialAsync(requestId, credentialType, log, token, aliasDescription).ConfigureAwait(false);
                    return new ReleasedCredential(secret, await client.FindOwnRequestAsync(requestId, log, token).ConfigureAwait(false));
                }

                var released = await client.GetAliasCredentialAsync(aliasId, requestId, credentialType, log, token, aliasDescription).ConfigureAwait(false);
                return new ReleasedCredential(released.Secret, new Request
                {
                    RequestId = requestId,
                    SystemName = released.SystemName,
                    AccountName = released.AccountName,
                    DomainName = released.DomainName,
                    UserName = CredentialUserName.For(released.DomainName, released.AccountName, null),
                    AliasId = aliasId,
                });
            },
            null, aliasDescription, log, cancellationToken, checkInTimeout, approvalTimeout);

    private static async Task<CredentialLease> OpenAsync(CheckoutClient client, Func<CancellationToken, Task<CreatedRequest>> create,
        Func<CreatedRequest, CancellationToken, Task<ReleasedCredential>> read, NewRequestSpec? spec, string description, RequestLog log,
        CancellationToken cancellationToken, TimeSpan? checkInTimeout, TimeSpan? approvalTimeout)
    {
        CreatedRequest created;
        try
        {
            created = await create(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (LostRequestAnswer.MayHaveMadeARequest(e))
        {
            // The POST may have been carried out although its answer never came: find and check in what it made, so
            // "always checks in" holds here too. Through an alias the listing cannot tell the request apart: say so.
            var how = LostRequestAnswer.HowTheAnswerWent(e);
            var outcome = spec == null
                ? LostRequestAnswer.LookForIt(description, how: how)
                : LostRequestAnswer.Withdraw(client, spec, description, log, checkInTimeout ?? CheckInTimeoutFor(client), how);
            if (e is PasswordSafeException known)
            {
                throw LostRequestAnswer.Explain(known, outcome);
            }

            throw; // Ctrl+C: nothing can be reported, but what the POST made is checked in.
        }

        var requestId = created.RequestId;
        try
        {
            ReleasedCredential released;
            try
            {
                released = await read(created, cancellationToken).ConfigureAwait(false);
            }
            catch (PasswordSafeException e) when (e.ErrorId == ErrorIds.RequestNotApproved && approvalTimeout is { } timeout)
            {
                log.Verbose("The request waits for approval; waiting for an approver.");
                await ApprovalPoller.WaitAsync(client, requestId, "request for " + description, timeout, log, cancellationToken).ConfigureAwait(false);
                released = await read(created, cancellationToken).ConfigureAwait(false);
            }

            return new CredentialLease(client, created, released.Secret, released.Request, checkInTimeout ?? CheckInTimeoutFor(client));
        }
        catch (PasswordSafeException) when (created.Reused)
        {
            // Not ours to withdraw: it was open before (see Reused), and stays so.
            log.Verbose(LeftOpenLine);
            throw;
        }
        catch (PasswordSafeException e)
        {
            var notWithdrawn = CheckIn(client, requestId, WithdrawReason, log, checkInTimeout ?? CheckInTimeoutFor(client), out _);
            if (e.ErrorId == ErrorIds.RequestNotApproved)
            {
                throw CheckoutErrors.NotApprovedInTime(e, description, approvalTimeout, notWithdrawn);
            }

            if (notWithdrawn != null)
            {
                throw CheckoutErrors.NotWithdrawn(e, notWithdrawn);
            }

            var withdrawn = CheckoutErrors.Withdrawn(e);
            if (ReferenceEquals(withdrawn, e))
            {
                throw;
            }

            throw withdrawn;
        }
        catch (Exception) when (!created.Reused)
        {
            // Ctrl+C or a bug: nothing can be reported, but the request still goes.
            CheckIn(client, requestId, WithdrawReason, log, checkInTimeout ?? CheckInTimeoutFor(client), out _);
            throw;
        }
    }

    /// <summary>
    /// The check-in's own wait: the session's -TimeoutSec where it allows longer than the default (a check-in that gives
    /// up early would report a release as failed that the server still carries out), the default when it sets no limit
    /// (a check-in on Ctrl+C must not hang the stop for ever).
    /// </summary>
    internal static TimeSpan CheckInTimeoutFor(CheckoutClient client)
    {
        var callTimeout = client.CallTimeout;
        return callTimeout == Timeout.InfiniteTimeSpan || callTimeout <= DefaultCheckInTimeout
            ? DefaultCheckInTimeout
            : TimerLimit.Clamp(callTimeout + TimeSpan.FromSeconds(5));
    }

    private static PasswordSafeException CheckInUnanswered(TimeSpan waited, Exception e) =>
        new PasswordSafeException(ErrorIds.Timeout,
            $"Checking in the request got no answer within {waited.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, so the server may or may not have checked it in.",
            "Look with Get-PSRequest -Status Active: a request still listed there stays active until it is checked in (Complete-PSRequest) or expires.", e);

    private const string LeftOpenLine =
        "Left the request open: the server reused a request that was already open (-ConflictOption Reuse), so it is for whoever opened it to check in.";

    /// <summary>The session the request was made with.</summary>
    public PasswordSafeSession Session => _client.Session;

    /// <summary>
    /// Checks the request in once. Returns the failure instead of throwing, so it never hides the script block's own error.
    /// <paramref name="replacement"/> checks it in through another session: the default that replaced a disconnected one
    /// (the block signed in again), the same user on the same server, who owns the same requests.
    /// </summary>
    public PasswordSafeException? Close(string? reason, RequestLog log, CheckoutClient? replacement = null)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return null;
        }

        if (Reused)
        {
            log.Verbose(LeftOpenLine);
            return null;
        }

        var failure = CheckIn(replacement ?? _client, RequestId, reason, log, _checkInTimeout, out var alreadyEnded);
        AlreadyEnded = alreadyEnded;
        return failure;
    }

    /// <summary>
    /// Checks the request in; a request that has already ended (the server's 404: it expired, or was checked in or ended
    /// elsewhere) needs nothing more, so that is no failure, only <paramref name="alreadyEnded"/>.
    /// </summary>
    internal static PasswordSafeException? CheckIn(CheckoutClient client, int requestId, string? reason, RequestLog log, TimeSpan timeout,
        out bool alreadyEnded)
    {
        alreadyEnded = false;
        using var ownToken = new CancellationTokenSource(timeout);
        // The caller waits here for the answer, so the call may run on its thread (see BlockingSend).
        BlockingSend.Enter();
        try
        {
            client.CheckInAsync(requestId, reason, log, ownToken.Token).GetAwaiter().GetResult();
            log.Verbose("Checked in the request.");
            return null;
        }
        catch (PasswordSafeException e) when (e.ErrorId == ErrorIds.RequestNotActive)
        {
            log.Verbose("The request had already ended: nothing to check in.");
            alreadyEnded = true;
            return null;
        }
        catch (PasswordSafeException e) when (e.ErrorId == ErrorIds.Timeout)
        {
            // The PUT may have been carried out although its answer never came.
            return CheckInUnanswered(client.CallTimeout, e);
        }
        catch (PasswordSafeException e)
        {
            return e;
        }
        catch (OperationCanceledException e)
        {
            return CheckInUnanswered(timeout, e);
        }
        catch (ObjectDisposedException e)
        {
            return new PasswordSafeException(ErrorIds.NotConnected, "The session was disconnected before the request could be checked in.",
                "Connect again and check the request in with Get-PSRequest | Complete-PSRequest.", e);
        }
        finally
        {
            BlockingSend.Exit();
        }
    }
}
