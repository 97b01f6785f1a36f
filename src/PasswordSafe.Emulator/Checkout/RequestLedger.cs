using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator;

/// <summary>
/// Release requests and their state machine (spec E1–E4, api-v3 §3–5), behind one lock. Expiry is checked lazily
/// against the emulator clock at every call, so tests move time with EmulatorClock.Advance instead of waiting.
/// Every change is audited (who, when, which request/account); credentials never reach the audit.
/// </summary>
internal sealed class RequestLedger
{
    private readonly object _gate = new();
    private readonly EmulatorState _state;
    private readonly Dictionary<int, ReleaseRequest> _requests = new();
    private readonly Dictionary<int, List<ReleaseRequest>> _openByAccount = new();
    private readonly PriorityQueue<ReleaseRequest, DateTimeOffset> _expiries = new();
    private readonly Dictionary<int, HashSet<int>> _requestedAccountsByUser = new();
    private readonly SessionBook _sessionBook = new();
    private readonly Dictionary<int, RequestSet> _sets = new();
    private int _nextRequestId = 1;
    private int _nextRequestSetId = 1;

    internal RequestLedger(AccountCatalog catalog, EmulatorState state)
    {
        _ = catalog;
        _state = state;
    }

    private DateTimeOffset Now => _state.Clock.GetUtcNow();

    // No catalog is kept here: provisioning (E5) swaps in rebuilt ones, so each call takes one view
    // (EmulatorState.CheckoutView) and reads accounts, roles and policies through it alone.

    // ---- reading (tests, control endpoints) --------------------------------------------------------

    internal IReadOnlyList<ReleaseRequest> All()
    {
        lock (_gate)
        {
            ExpireDue();
            return _requests.Values.OrderBy(r => r.RequestId).ToList();
        }
    }

    internal ReleaseRequest? Find(int requestId)
    {
        lock (_gate)
        {
            ExpireDue();
            return _requests.GetValueOrDefault(requestId);
        }
    }

    internal int ActiveCount
    {
        get
        {
            lock (_gate)
            {
                ExpireDue();
                return _openByAccount.Values.Sum(list => list.Count(r => r.Status == RequestStatus.Active));
            }
        }
    }

    internal IReadOnlyList<AccessSessionRecord> Sessions => _sessionBook.All();

    /// <summary>The sessions handed out, for GET Sessions and its Lock/Terminate calls.</summary>
    internal SessionBook SessionBook => _sessionBook;

    /// <summary>type=recent (§2.1): the accounts this user has requested.</summary>
    internal IReadOnlySet<int> RequestedAccounts(int userId)
    {
        lock (_gate) return _requestedAccountsByUser.TryGetValue(userId, out var set) ? set.ToHashSet() : new HashSet<int>();
    }

    // ---- POST Requests (§3.2) ----------------------------------------------------------------------

    /// <summary>
    /// 201 + new id; 200 + the caller's approved request of the type (ConflictOption reuse); 400 invalid; 403 4031 no
    /// role; 409 4091 conflict (also reuse when the caller's request of the type is still pending [I]). Requests of
    /// different access types on one account coexist without a conflict [I].
    /// </summary>
    internal LedgerOutcome<int> Create(Caller caller, NewRequestBody body)
    {
        var conflictOption = body.ConflictOption?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(conflictOption) && conflictOption is not ("reuse" or "renew"))
            return LedgerOutcome<int>.Fail(400, "ConflictOption must be reuse or renew (or left out).");
        var planned = Plan(_state.CheckoutView(caller.User.UserId), body);
        if (!planned.Succeeded) return LedgerOutcome<int>.Fail(planned.StatusCode, planned.Error!);
        var plan = planned.Value!;
        var account = plan.Account;

        lock (_gate)
        {
            var now = Now;
            ExpireDue();
            var open = OpenOf(account.ManagedAccountId);
            var own = OwnOpen(open, caller, plan.AccessType);
            // §3.2 reuse: "an existing approved request ID for same user/system/account/access type, else create". A
            // pending one is not returned; creating another of its type would be the very conflict, so 409 [I].
            if (conflictOption == "reuse" && own.FirstOrDefault(r => r.Status == RequestStatus.Active) is { } reused)
            {
                Audit(AuditKinds.RequestReused, caller, $"request {reused.RequestId} for {account} reused (ConflictOption reuse)");
                return LedgerOutcome<int>.Ok(reused.RequestId, StatusCodes.Status200OK);
            }
            if (conflictOption == "renew")
            {
                // §3.2 renew: "cancel existing approved requests for same user/system/account" — of every access type —
                // and, so the new one has no conflict, a pending one of its own type [I].
                foreach (var existing in open.Where(r => r.Requestor.UserId == caller.User.UserId
                             && (r.Status == RequestStatus.Active || r.AccessType == plan.AccessType)).ToList())
                    Close(existing, RequestStatus.Canceled, caller.User.SignInName, now, "renewed (ConflictOption renew)", caller);
            }
            else if (own.Count > 0)
            {
                return LedgerOutcome<int>.Fail(409, CheckoutCodes.Conflict);
            }
            if (ConcurrencyExceeded(account, open, 1) || ScheduleFull(plan, open)) return LedgerOutcome<int>.Fail(409, CheckoutCodes.Conflict);

            return LedgerOutcome<int>.Ok(Add(caller, plan, null, now).RequestId, StatusCodes.Status201Created);
        }
    }

    // ---- POST RequestSets / GET RequestSets (§3.4) --------------------------------------------------

    /// <summary>
    /// One request per access type, each held to the same rules as POST Requests, all or none: 201 + the set;
    /// 400 when AccessTypes is empty or repeats a type, or any type fails (the reason names it); 403 4031; 409 4091
    /// when the caller already has an open request of one of the types for the account (sets take no ConflictOption [I]).
    /// </summary>
    internal LedgerOutcome<RequestSet> CreateSet(Caller caller, NewRequestSetBody body)
    {
        if (body.AccessTypes is not { Count: > 0 } types)
            return LedgerOutcome<RequestSet>.Fail(400, "AccessTypes is required: an array of access types (View, RDP, SSH, App), e.g. [\"View\",\"RDP\"].");
        if (types.Any(string.IsNullOrWhiteSpace))
            return LedgerOutcome<RequestSet>.Fail(400, "AccessTypes must name access types: View, RDP, SSH or App.");
        var repeated = types.GroupBy(t => t!.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            return LedgerOutcome<RequestSet>.Fail(400, $"AccessTypes lists {repeated.Key} more than once; give each access type once.");

        // One view for every type, so all of them are checked against the same roles and policy.
        var view = _state.CheckoutView(caller.User.UserId);
        var plans = new List<PlannedRequest>();
        foreach (var type in types)
        {
            var planned = Plan(view, body.ForAccessType(type));
            if (!planned.Succeeded)
            {
                // A 400 says which type of the set failed; 403 keeps its bare code (D1).
                var error = planned.StatusCode == 400 && !string.IsNullOrEmpty(type) ? $"{type}: {planned.Error}" : planned.Error!;
                return LedgerOutcome<RequestSet>.Fail(planned.StatusCode, error);
            }
            plans.Add(planned.Value!);
        }
        var account = plans[0].Account;

        lock (_gate)
        {
            var now = Now;
            ExpireDue();
            var open = OpenOf(account.ManagedAccountId);
            if (plans.Any(plan => OwnOpen(open, caller, plan.AccessType).Count > 0 || ScheduleFull(plan, open)) || ConcurrencyExceeded(account, open, plans.Count))
                return LedgerOutcome<RequestSet>.Fail(409, CheckoutCodes.Conflict);

            var setId = _nextRequestSetId++;
            var requests = plans.Select(plan => Add(caller, plan, setId, now)).ToList();
            var set = new RequestSet(setId, caller.User, requests);
            _sets.Add(setId, set);
            return LedgerOutcome<RequestSet>.Ok(set, StatusCodes.Status201Created);
        }
    }

    /// <summary>
    /// The caller's sets that still have an open request, each with all its requests as they stand now; status
    /// active/pending keeps the sets with an active/pending request [I]. 4032 when the caller is no requestor.
    /// </summary>
    internal LedgerOutcome<IReadOnlyList<RequestSet>> ListSets(Caller caller, string? status)
    {
        var wantedStatus = (status ?? "all").ToLowerInvariant();
        if (wantedStatus is not ("all" or "active" or "pending"))
            return LedgerOutcome<IReadOnlyList<RequestSet>>.Fail(400, "status must be all, active or pending.");
        if (!_state.CheckoutView(caller.User.UserId).AnyRequestor)
            return LedgerOutcome<IReadOnlyList<RequestSet>>.Fail(403, CheckoutCodes.RequestorOnly);
        lock (_gate)
        {
            ExpireDue();
            var found = _sets.Values
                .Where(set => set.Requestor.UserId == caller.User.UserId)
                .Where(set => wantedStatus switch
                {
                    "active" => set.Requests.Any(r => r.Status == RequestStatus.Active),
                    "pending" => set.Requests.Any(r => r.Status == RequestStatus.Pending),
                    _ => set.Requests.Any(r => r.IsOpen),
                })
                .OrderBy(set => set.RequestSetId)
                .ToList();
            return LedgerOutcome<IReadOnlyList<RequestSet>>.Ok(found);
        }
    }

    internal IReadOnlyList<RequestSet> AllSets()
    {
        lock (_gate)
        {
            ExpireDue();
            return _sets.Values.OrderBy(set => set.RequestSetId).ToList();
        }
    }

    internal RequestSet? FindSet(int requestSetId)
    {
        lock (_gate)
        {
            ExpireDue();
            return _sets.GetValueOrDefault(requestSetId);
        }
    }

    /// <summary>
    /// What POST Requests checks before anything is created, for one access type (§3.2): the body, then the account,
    /// role and access policy from one view, then the schedule (chosen on the emulator clock) whose requirements
    /// apply. POST RequestSets runs it once per type, so each type may fall under another schedule.
    /// </summary>
    private LedgerOutcome<PlannedRequest> Plan(AccountView view, NewRequestBody body)
    {
        if (body.SystemId is null) return LedgerOutcome<PlannedRequest>.Fail(400, "SystemID is required: the id of the managed system (SystemId in GET ManagedAccounts).");
        if (body.AccountId is null) return LedgerOutcome<PlannedRequest>.Fail(400, "AccountID is required: the id of the managed account (AccountId in GET ManagedAccounts).");
        if (body.DurationMinutes is not int duration) return LedgerOutcome<PlannedRequest>.Fail(400, "DurationMinutes is required (1 to 525600).");
        if (duration < 1 || duration > CheckoutCodes.MaxDurationMinutes)
            return LedgerOutcome<PlannedRequest>.Fail(400, $"DurationMinutes must be from 1 to {CheckoutCodes.MaxDurationMinutes}.");
        if (body.Reason is { Length: > CheckoutCodes.MaxReasonLength })
            return LedgerOutcome<PlannedRequest>.Fail(400, $"Reason must be {CheckoutCodes.MaxReasonLength} characters or fewer.");
        var accessType = AccessType.View;
        if (!string.IsNullOrEmpty(body.AccessType) && !TryParseAccessType(body.AccessType, out accessType))
            return LedgerOutcome<PlannedRequest>.Fail(400, "AccessType must be View, RDP, SSH or App.");
        if (accessType == AccessType.App && body.ApplicationId is null)
            return LedgerOutcome<PlannedRequest>.Fail(400, "ApplicationID is required when AccessType is App.");

        var account = view.FindAccount(body.AccountId.Value);
        // 4031 also for unknown ids and mismatched system: the answer must not reveal which accounts exist.
        if (account is null || account.System.ManagedSystemId != body.SystemId || !account.ApiEnabled || view.RequestPolicyFor(account) is not { } policy)
            return LedgerOutcome<PlannedRequest>.Fail(403, CheckoutCodes.NoPermission);
        if (duration > MaxDuration(account))
            return LedgerOutcome<PlannedRequest>.Fail(400, $"DurationMinutes must not exceed the account's maximum release duration ({MaxDuration(account)} minutes).");
        var chosen = ScheduleChoice.For(policy, accessType, body.AccessPolicyScheduleId, Now);
        if (!chosen.Succeeded) return LedgerOutcome<PlannedRequest>.Fail(chosen.StatusCode, chosen.Error!);
        var (schedule, rule) = chosen.Value;
        // The chosen schedule's requirements apply; a policy with one schedule names the policy, as it always has.
        var under = policy.Schedules.Count == 1 ? $"The access policy '{policy.Name}'" : $"Schedule {schedule.ScheduleId} of the access policy '{policy.Name}'";
        if (schedule.RequireReason && string.IsNullOrWhiteSpace(body.Reason))
            return LedgerOutcome<PlannedRequest>.Fail(400, $"{under} requires a Reason.");
        if (schedule.RequireTicketSystem && body.TicketSystemId is int ticketSystem && ticketSystem != schedule.TicketSystemId)
            return LedgerOutcome<PlannedRequest>.Fail(400, $"{under} takes tickets of ticket system {schedule.TicketSystemId}, not {ticketSystem}.");
        if (schedule.RequireTicketSystem && string.IsNullOrWhiteSpace(body.TicketNumber))
            return LedgerOutcome<PlannedRequest>.Fail(400, $"{under} requires a ticket: give TicketNumber (ticket system {schedule.TicketSystemId}).");
        if (accessType == AccessType.App && account.ApplicationId is int appId && appId != body.ApplicationId)
            return LedgerOutcome<PlannedRequest>.Fail(400, $"ApplicationID {body.ApplicationId} is not the application of this account; use {appId}.");
        return LedgerOutcome<PlannedRequest>.Ok(new PlannedRequest(account, policy, schedule, rule, accessType, duration, body));
    }

    /// <summary>The caller's open requests of this access type among an account's open ones (a conflict, §3.2).</summary>
    private static List<ReleaseRequest> OwnOpen(List<ReleaseRequest> open, Caller caller, AccessType accessType) =>
        open.Where(r => r.Requestor.UserId == caller.User.UserId && r.AccessType == accessType).ToList();

    /// <summary>The account's MaxConcurrentRequests would be passed by <paramref name="adding"/> more open requests.</summary>
    private static bool ConcurrencyExceeded(ManagedAccount account, List<ReleaseRequest> open, int adding) =>
        account.MaxConcurrentRequests > 0 && open.Count(r => r.IsOpen) + adding > account.MaxConcurrentRequests;

    /// <summary>
    /// The schedule's MaxConcurrent for the access type is reached on the account: that many requests of the type are
    /// open (active or pending) under the schedule, whoever made them. A set's types differ, so each adds one.
    /// </summary>
    private static bool ScheduleFull(PlannedRequest plan, List<ReleaseRequest> open) =>
        plan.Rule.MaxConcurrent > 0
        && open.Count(r => r.IsOpen && r.AccessType == plan.AccessType && r.AccessPolicyScheduleId == plan.Schedule.ScheduleId) >= plan.Rule.MaxConcurrent;

    /// <summary>Creates a checked request (under the lock): pending when its type needs approvers, else active at once.</summary>
    private ReleaseRequest Add(Caller caller, PlannedRequest plan, int? requestSetId, DateTimeOffset now)
    {
        var (account, policy, schedule, rule, accessType, duration, body) = plan;
        var request = new ReleaseRequest(_nextRequestId++, caller.User, account, accessType, duration, now)
        {
            ApplicationId = accessType == AccessType.App ? body.ApplicationId : null,
            Reason = body.Reason,
            // Without one, a ticket goes to the schedule's ticket system ("uses default if omitted").
            TicketSystemId = body.TicketSystemId ?? (body.TicketNumber != null ? schedule.TicketSystemId : null),
            TicketNumber = body.TicketNumber,
            AccessPolicyScheduleId = schedule.ScheduleId,
            AccessPolicyId = policy.AccessPolicyId,
            RequiredApprovals = rule.MinApprovers,
            RotateOnCheckin = body.RotateOnCheckin ?? false,
            RequestSetId = requestSetId,
            AliasId = body.AliasId,
            Status = rule.MinApprovers > 0 ? RequestStatus.Pending : RequestStatus.Active,
        };
        _requests.Add(request.RequestId, request);
        OpenOf(account.ManagedAccountId).Add(request);
        if (!_requestedAccountsByUser.TryGetValue(caller.User.UserId, out var requested))
            _requestedAccountsByUser[caller.User.UserId] = requested = new HashSet<int>();
        requested.Add(account.ManagedAccountId);
        if (request.Status == RequestStatus.Active) Activate(request, now);
        var inSet = requestSetId is int setId ? $" in request set {setId}" : body.AliasId is int aliasId ? $" through alias {aliasId}" : string.Empty;
        Audit(AuditKinds.RequestCreated, caller, $"request {request.RequestId}{inSet} for {account} ({accessType}, {duration} min, schedule {schedule.ScheduleId}): " +
            (request.Status == RequestStatus.Active ? "auto-approved" : $"pending, needs {rule.MinApprovers} approver(s)"));
        return request;
    }

    /// <summary>E5: deleting accounts cancels their open requests first, so no request points at a missing account.</summary>
    internal void CancelOpenRequests(IReadOnlyCollection<int> accountIds, Caller caller, string why) =>
        CloseOpen(request => accountIds.Contains(request.Account.ManagedAccountId), RequestStatus.Canceled, caller, why);

    /// <summary>
    /// POST ManagedAccounts|ManagedSystems/{id}/Requests/Terminate and POST Users/{id}/Requests/Terminate (§3.3): every
    /// open request that matches ends as a check-in would end it (an active one flagged RotateOnCheckin rotates the
    /// password, and its sessions end), whoever made it; pending ones end too [I]. Nothing open is a success (the
    /// caller answers 204 either way). Returns how many ended.
    /// </summary>
    internal int TerminateOpenRequests(Func<ReleaseRequest, bool> matches, Caller caller, string? reason) =>
        CloseOpen(matches, RequestStatus.Terminated, caller, $"terminated{Because(reason)}");

    private int CloseOpen(Func<ReleaseRequest, bool> matches, RequestStatus status, Caller caller, string why)
    {
        lock (_gate)
        {
            ExpireDue();
            var now = Now;
            var ending = _openByAccount.Values.SelectMany(list => list).Where(matches).OrderBy(r => r.RequestId).ToList();
            foreach (var request in ending) Close(request, status, caller.User.SignInName, now, why, caller);
            return ending.Count;
        }
    }

    // ---- GET Requests (§3.1) -----------------------------------------------------------------------

    /// <summary>status all (open) | active | pending; queue req (own) | app (to approve). 4032/4033 when the caller has no such role.</summary>
    internal LedgerOutcome<IReadOnlyList<ReleaseRequest>> List(Caller caller, string? status, string? queue)
    {
        var wantedStatus = (status ?? "all").ToLowerInvariant();
        if (wantedStatus is not ("all" or "active" or "pending"))
            return LedgerOutcome<IReadOnlyList<ReleaseRequest>>.Fail(400, "status must be all, active or pending.");
        var wantedQueue = (queue ?? "req").ToLowerInvariant();
        if (wantedQueue is not ("req" or "app"))
            return LedgerOutcome<IReadOnlyList<ReleaseRequest>>.Fail(400, "queue must be req (your requests) or app (requests you can approve).");
        var view = _state.CheckoutView(caller.User.UserId);
        if (wantedQueue == "req" && !view.AnyRequestor) return LedgerOutcome<IReadOnlyList<ReleaseRequest>>.Fail(403, CheckoutCodes.RequestorOnly);
        if (wantedQueue == "app" && !view.AnyApprover) return LedgerOutcome<IReadOnlyList<ReleaseRequest>>.Fail(403, CheckoutCodes.ApproverOnly);
        lock (_gate)
        {
            ExpireDue();
            var found = _openByAccount.Values.SelectMany(list => list)
                .Where(r => wantedStatus == "all" || (wantedStatus == "active") == (r.Status == RequestStatus.Active))
                .Where(r => wantedQueue == "req"
                    ? r.Requestor.UserId == caller.User.UserId
                    : r.Requestor.UserId != caller.User.UserId && view.CanApprove(r.Account))
                .OrderBy(r => r.RequestId)
                .ToList();
            return LedgerOutcome<IReadOnlyList<ReleaseRequest>>.Ok(found);
        }
    }

    // ---- PUT Requests/{id}/… (§3.3) ----------------------------------------------------------------

    /// <summary>Approve: approvers of the account other than the requestor (4033); pending only (404 otherwise).</summary>
    internal LedgerOutcome<bool> Approve(Caller caller, int requestId, string? reason)
    {
        lock (_gate)
        {
            ExpireDue();
            if (!_requests.TryGetValue(requestId, out var request)) return NotFound<bool>();
            if (!MayDecide(caller, request)) return LedgerOutcome<bool>.Fail(403, CheckoutCodes.ApproverOnly);
            if (request.Status != RequestStatus.Pending) return LedgerOutcome<bool>.Fail(404, "The request is not waiting for approval.");
            var now = Now;
            // A set is approved as one [I]: the approval counts for each of its requests still pending.
            foreach (var approved in PendingOfItsSet(request).ToList())
            {
                approved.ApproverIds.Add(caller.User.UserId);
                if (approved.ApproverIds.Count >= approved.RequiredApprovals)
                {
                    approved.Status = RequestStatus.Active;
                    Activate(approved, now);
                }
                Audit(AuditKinds.RequestApproved, caller, $"request {approved.RequestId} for {approved.Account} approved " +
                    $"({approved.ApproverIds.Count} of {approved.RequiredApprovals}){InSetOf(approved, request)}{Because(reason)}");
            }
            return LedgerOutcome<bool>.Ok(true, StatusCodes.Status204NoContent);
        }
    }

    /// <summary>The request, and when it is pending in a set, the set's other pending requests (decided together).</summary>
    private IEnumerable<ReleaseRequest> PendingOfItsSet(ReleaseRequest request)
    {
        yield return request;
        if (request.Status != RequestStatus.Pending || request.RequestSetId is not int setId || !_sets.TryGetValue(setId, out var set)) yield break;
        foreach (var sibling in set.Requests.Where(r => r != request && r.Status == RequestStatus.Pending).ToList()) yield return sibling;
    }

    private static string InSetOf(ReleaseRequest decided, ReleaseRequest asked) =>
        decided == asked ? string.Empty : $" with request {asked.RequestId} of request set {asked.RequestSetId}";

    /// <summary>Deny: an approver denies a pending request or cancels an active one (4033 for others; 404 when closed).</summary>
    internal LedgerOutcome<bool> Deny(Caller caller, int requestId, string? reason)
    {
        lock (_gate)
        {
            ExpireDue();
            if (!_requests.TryGetValue(requestId, out var request)) return NotFound<bool>();
            if (!MayDecide(caller, request)) return LedgerOutcome<bool>.Fail(403, CheckoutCodes.ApproverOnly);
            if (!request.IsOpen) return LedgerOutcome<bool>.Fail(404, "The request is no longer open.");
            // Denying a pending request of a set denies the set's other pending requests too [I]; an active one ends alone.
            foreach (var denied in PendingOfItsSet(request).ToList())
                Close(denied, RequestStatus.Denied, caller.User.SignInName, Now, $"denied{InSetOf(denied, request)}{Because(reason)}", caller);
            return LedgerOutcome<bool>.Ok(true, StatusCodes.Status204NoContent);
        }
    }

    /// <summary>Check-in by the owner (403 4031 for others): active → CheckedIn (rotating when flagged), pending → Canceled; closed → 404.</summary>
    internal LedgerOutcome<bool> CheckIn(Caller caller, int requestId, string? reason)
    {
        lock (_gate)
        {
            ExpireDue();
            if (!_requests.TryGetValue(requestId, out var request)) return NotFound<bool>();
            if (request.Requestor.UserId != caller.User.UserId) return LedgerOutcome<bool>.Fail(403, CheckoutCodes.NoPermission);
            if (!request.IsOpen) return LedgerOutcome<bool>.Fail(404, "The request is not active: it was checked in, denied, expired or terminated.");
            var outcome = request.Status == RequestStatus.Active ? RequestStatus.CheckedIn : RequestStatus.Canceled;
            Close(request, outcome, caller.User.SignInName, Now, $"checked in{Because(reason)}", caller);
            return LedgerOutcome<bool>.Ok(true, StatusCodes.Status204NoContent);
        }
    }

    /// <summary>Marks an open request of the caller so the password rotates at check-in or expiry.</summary>
    internal LedgerOutcome<bool> SetRotateOnCheckin(Caller caller, int requestId)
    {
        lock (_gate)
        {
            ExpireDue();
            if (!_requests.TryGetValue(requestId, out var request)) return NotFound<bool>();
            if (request.Requestor.UserId != caller.User.UserId) return LedgerOutcome<bool>.Fail(403, CheckoutCodes.NoPermission);
            if (!request.IsOpen) return LedgerOutcome<bool>.Fail(404, "The request is not active: it was checked in, denied, expired or terminated.");
            request.RotateOnCheckin = true;
            Audit(AuditKinds.RotateOnCheckinSet, caller, $"request {requestId} for {request.Account}: password rotates at check-in");
            return LedgerOutcome<bool>.Ok(true, StatusCodes.Status204NoContent);
        }
    }

    // ---- GET Credentials/{id} (§4.1) and sessions (§5.1) -------------------------------------------

    /// <summary>The credential of the caller's active request: 403 4031 not the owner, 403 4034 pending, 404 closed or absent.</summary>
    internal LedgerOutcome<string> ReadCredential(Caller caller, int requestId, string? type)
    {
        var read = Read(caller, requestId, type, aliasId: null);
        return read.Succeeded ? LedgerOutcome<string>.Ok(read.Value.Secret) : LedgerOutcome<string>.Fail(read.StatusCode, read.Error!);
    }

    /// <summary>
    /// GET Aliases/{aliasId}/Credentials/{requestId} (§4.1 alias form): the same owner/pending/closed answers as
    /// GET Credentials/{id}, and 404 when the request was not made through that alias [I]. Returns the request with
    /// the secret, for the answer's names.
    /// </summary>
    internal LedgerOutcome<(ReleaseRequest Request, CredentialType Type, string Secret)> ReadAliasCredential(Caller caller, int aliasId, int requestId, string? type) =>
        Read(caller, requestId, type, aliasId);

    /// <summary>Both credential forms: the caller's active request (made through <paramref name="aliasId"/> when given), its secret of the type asked, audited.</summary>
    private LedgerOutcome<(ReleaseRequest Request, CredentialType Type, string Secret)> Read(Caller caller, int requestId, string? type, int? aliasId)
    {
        if (!TryParseCredentialType(type, out var credentialType))
            return LedgerOutcome<(ReleaseRequest, CredentialType, string)>.Fail(400, "type must be password, dsskey or passphrase.");
        lock (_gate)
        {
            var request = OwnActiveRequest<(ReleaseRequest, CredentialType, string)>(caller, requestId, out var failure);
            if (request is null) return failure;
            if (aliasId is int alias && request.AliasId != alias)
                return LedgerOutcome<(ReleaseRequest, CredentialType, string)>.Fail(404, $"Request not found for alias {alias}: it was not made through that alias (use GET Credentials/{{id}}).");
            var secret = Reveal(request.Account, credentialType, out var missing);
            if (secret is null) return LedgerOutcome<(ReleaseRequest, CredentialType, string)>.Fail(404, missing!);
            var through = aliasId is int used ? $" through alias {used}" : string.Empty;
            Audit(AuditKinds.CredentialRead, caller, $"request {requestId}{through}: {Describe(credentialType)} of {request.Account} read");
            return LedgerOutcome<(ReleaseRequest, CredentialType, string)>.Ok((request, credentialType, secret));
        }
    }

    /// <summary>Whether the user holds an active (approved, not expired) request of their own for the account.</summary>
    internal bool HasActiveRequest(int userId, int accountId)
    {
        lock (_gate)
        {
            ExpireDue();
            return _openByAccount.TryGetValue(accountId, out var open)
                && open.Any(r => r.Requestor.UserId == userId && r.Status == RequestStatus.Active);
        }
    }

    /// <summary>
    /// GET ManagedAccounts/{id}/Credentials (§4.1): the account's credential of the type asked, read without a request
    /// of its own (the caller's right to it was checked before); audited as any credential read. 400 for an unknown
    /// type, 404 when the account has no such credential.
    /// </summary>
    internal LedgerOutcome<string> ReadAccountCredential(Caller caller, ManagedAccount account, string? type, string why)
    {
        if (!TryParseCredentialType(type, out var credentialType))
            return LedgerOutcome<string>.Fail(400, "type must be password, dsskey or passphrase.");
        var secret = Reveal(account, credentialType, out var missing);
        if (secret is null) return LedgerOutcome<string>.Fail(404, missing!);
        lock (_gate) Audit(AuditKinds.CredentialRead, caller, $"{Describe(credentialType)} of {account} read by account ({why})");
        return LedgerOutcome<string>.Ok(secret);
    }

    /// <summary>E2: a session for the caller's active RDP/SSH/App request; the session type must fit the access type.</summary>
    internal LedgerOutcome<SessionTicket> CreateSession(Caller caller, int requestId, string? sessionType)
    {
        if (SessionKind.Parse(sessionType) is not SessionKind kind)
            return LedgerOutcome<SessionTicket>.Fail(400, SessionKind.Refusal(sessionType));
        lock (_gate)
        {
            var request = OwnActiveRequest<SessionTicket>(caller, requestId, out var failure);
            if (request is null) return failure;
            if (!kind.Fits(request.AccessType))
                return LedgerOutcome<SessionTicket>.Fail(400, request.AccessType == AccessType.View
                    ? "A View request has no sessions: request RDP, SSH or App access to open one."
                    : $"SessionType {kind} does not fit this {request.AccessType} request; use a {request.AccessType} session type.");
            var ticket = NewTicket(kind, request.Account, caller, requestId);
            Audit(AuditKinds.SessionCreated, caller, $"request {requestId}: {kind} session {ticket.Id} to {request.Account}");
            return LedgerOutcome<SessionTicket>.Ok(ticket, StatusCodes.Status201Created);
        }
    }

    // ---- ISA (§5.2, §5.3; E3, E4) ------------------------------------------------------------------

    /// <summary>E3: the credential at once for a caller with the ISA role; no request to approve or check in, an audit entry instead.</summary>
    internal LedgerOutcome<string> IsaCredential(Caller caller, IsaBody body, string? type)
    {
        if (!TryParseCredentialType(type, out var credentialType))
            return LedgerOutcome<string>.Fail(400, "type must be password, dsskey or passphrase.");
        var check = CheckIsa<string>(caller, body, out var account, out var duration);
        if (check is { } failed) return failed;
        var secret = Reveal(account!, credentialType, out var missing);
        if (secret is null) return LedgerOutcome<string>.Fail(404, missing!);
        lock (_gate) Audit(AuditKinds.IsaCredentialRead, caller, $"ISA: {Describe(credentialType)} of {account} read for {duration} min{Because(body.Reason)}");
        return LedgerOutcome<string>.Ok(secret, StatusCodes.Status201Created);
    }

    /// <summary>E4: an ISA session of any session type; app sessions need ApplicationID.</summary>
    internal LedgerOutcome<SessionTicket> IsaSession(Caller caller, IsaBody body)
    {
        if (SessionKind.Parse(body.SessionType) is not SessionKind kind)
            return LedgerOutcome<SessionTicket>.Fail(400, SessionKind.Refusal(body.SessionType));
        if (kind.Protocol == AccessType.App && body.ApplicationId is null)
            return LedgerOutcome<SessionTicket>.Fail(400, "ApplicationID is required for app and appfile sessions.");
        var check = CheckIsa<SessionTicket>(caller, body, out var account, out var duration);
        if (check is { } failed) return failed;
        // As for POST Requests: an application account's sessions are of its own application.
        if (kind.Protocol == AccessType.App && account!.ApplicationId is int appId && appId != body.ApplicationId)
            return LedgerOutcome<SessionTicket>.Fail(400, $"ApplicationID {body.ApplicationId} is not the application of this account; use {appId}.");
        lock (_gate)
        {
            var ticket = NewTicket(kind, account!, caller, null);
            Audit(AuditKinds.IsaSessionCreated, caller, $"ISA: {kind} session {ticket.Id} to {account} for {duration} min{Because(body.Reason)}");
            return LedgerOutcome<SessionTicket>.Ok(ticket, StatusCodes.Status201Created);
        }
    }

    // ---- internals ---------------------------------------------------------------------------------

    private LedgerOutcome<T>? CheckIsa<T>(Caller caller, IsaBody body, out ManagedAccount? account, out int duration)
    {
        account = null;
        duration = 0;
        if (body.SystemId is null) return LedgerOutcome<T>.Fail(400, "SystemID is required.");
        if (body.AccountId is null) return LedgerOutcome<T>.Fail(400, "AccountID is required.");
        if (body.DurationMinutes is int given && (given < 1 || given > CheckoutCodes.MaxDurationMinutes))
            return LedgerOutcome<T>.Fail(400, $"DurationMinutes must be from 1 to {CheckoutCodes.MaxDurationMinutes}, or left out for the account's ISA release duration.");
        if (body.Reason is { Length: > CheckoutCodes.MaxReasonLength })
            return LedgerOutcome<T>.Fail(400, $"Reason must be {CheckoutCodes.MaxReasonLength} characters or fewer.");
        var view = _state.CheckoutView(caller.User.UserId);
        var found = view.FindAccount(body.AccountId.Value);
        if (found is null || found.System.ManagedSystemId != body.SystemId || !found.ApiEnabled || !view.IsIsa(found))
            return LedgerOutcome<T>.Fail(403, CheckoutCodes.NoPermission);
        account = found;
        duration = body.DurationMinutes ?? IsaDuration(found);
        return null;
    }

    private ReleaseRequest? OwnActiveRequest<T>(Caller caller, int requestId, out LedgerOutcome<T> failure)
    {
        ExpireDue();
        failure = default;
        if (!_requests.TryGetValue(requestId, out var request))
            failure = LedgerOutcome<T>.Fail(404, "Request not found.");
        else if (request.Requestor.UserId != caller.User.UserId)
            failure = LedgerOutcome<T>.Fail(403, CheckoutCodes.NoPermission);
        else if (request.Status == RequestStatus.Pending)
            failure = LedgerOutcome<T>.Fail(403, CheckoutCodes.NotApproved);
        else if (request.Status != RequestStatus.Active)
            failure = LedgerOutcome<T>.Fail(404, "The request is not active: it was checked in, denied, expired or terminated.");
        else
            return request;
        return null;
    }

    private bool MayDecide(Caller caller, ReleaseRequest request) =>
        request.Requestor.UserId != caller.User.UserId && _state.CheckoutView(caller.User.UserId).CanApprove(request.Account);

    private SessionTicket NewTicket(SessionKind kind, ManagedAccount account, Caller caller, int? requestId)
    {
        // The ticket's ID is the session's id as text (GET Sessions lists it as the number SessionID).
        var record = _sessionBook.Add(requestId, account, caller.User, kind, Now);
        return new SessionTicket(record.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), SecretGenerator.NewSessionTicket(),
            kind, $"{account.System.SystemName}-{account.AccountName}", account.ApplicationDisplayName ?? account.AccountName);
    }

    private List<ReleaseRequest> OpenOf(int accountId)
    {
        if (!_openByAccount.TryGetValue(accountId, out var list)) _openByAccount[accountId] = list = new List<ReleaseRequest>();
        return list;
    }

    private void Activate(ReleaseRequest request, DateTimeOffset now)
    {
        request.ApprovedDate = now;
        request.ExpiresDate = now.AddMinutes(request.DurationMinutes);
        _expiries.Enqueue(request, request.ExpiresDate.Value);
    }

    /// <summary>Ends an open request; an active one flagged RotateOnCheckin gets a new password (check-in, expiry, renew, deny, terminate).</summary>
    private void Close(ReleaseRequest request, RequestStatus status, string? by, DateTimeOffset now, string what, Caller? caller)
    {
        var wasActive = request.Status == RequestStatus.Active;
        request.Status = status;
        request.ClosedDate = now;
        request.ClosedBy = by;
        if (_openByAccount.TryGetValue(request.Account.ManagedAccountId, out var open)) open.Remove(request);
        _sessionBook.EndForRequest(request.RequestId, now);
        var kind = status switch
        {
            RequestStatus.CheckedIn => AuditKinds.RequestCheckedIn,
            RequestStatus.Expired => AuditKinds.RequestExpired,
            RequestStatus.Denied => AuditKinds.RequestDenied,
            RequestStatus.Terminated => AuditKinds.RequestTerminated,
            _ => AuditKinds.RequestCanceled,
        };
        // Nobody closed it (it expired): the entry is the requestor's, made by the system, so a filter by user shows it.
        var bySystem = caller is null && by is null;
        var userName = bySystem ? request.Requestor.SignInName : by;
        var actor = bySystem ? AuditEntry.SystemActor : null;
        Audit(kind, caller, $"request {request.RequestId} for {request.Account} {what}", userName, actor);
        if (wasActive && request.RotateOnCheckin)
        {
            var account = request.Account;
            account.Password = ProtectedSecret.Protect(SecretGenerator.NewAccountPassword());
            account.SystemPassword = null;
            account.PasswordChangeCount++;
            account.LastChangeDate = now;
            Audit(AuditKinds.PasswordRotated, caller, $"password of {account} rotated after request {request.RequestId}", userName, actor);
        }
    }

    /// <summary>Expires active requests whose time is up (lazily, in expiry order).</summary>
    private void ExpireDue()
    {
        var now = Now;
        while (_expiries.TryPeek(out var request, out var due) && due <= now)
        {
            _expiries.Dequeue();
            if (request.Status == RequestStatus.Active)
                Close(request, RequestStatus.Expired, null, due, $"expired after {request.DurationMinutes} min", null);
        }
    }

    private static string? Reveal(ManagedAccount account, CredentialType type, out string? missing)
    {
        missing = null;
        switch (type)
        {
            case CredentialType.DssKey:
                if (account.PrivateKey is null) missing = "The account has no DSS key: ask for type=password.";
                return account.PrivateKey?.Reveal();
            case CredentialType.Passphrase:
                if (account.Passphrase is null) missing = "The account's DSS key has no passphrase.";
                return account.Passphrase?.Reveal();
            default:
                var password = account.RevealPassword();
                if (password is null) missing = "The account has no password: ask for type=dsskey.";
                return password;
        }
    }

    private void Audit(string kind, Caller? caller, string what, string? userName = null, string? actor = null) =>
        _state.RecordAudit(kind, caller?.User.SignInName ?? userName, caller?.RegistrationId, caller?.SourceAddress, what, actor);

    private static LedgerOutcome<T> NotFound<T>() => LedgerOutcome<T>.Fail(404, "Request not found.");

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}";

    private static string Describe(CredentialType type) => type switch
    {
        CredentialType.DssKey => "DSS key",
        CredentialType.Passphrase => "passphrase",
        _ => "password",
    };

    internal static int MaxDuration(ManagedAccount account) => account.MaxReleaseDuration > 0 ? account.MaxReleaseDuration : account.System.MaxReleaseDuration;
    internal static int DefaultDuration(ManagedAccount account) => account.ReleaseDuration > 0 ? account.ReleaseDuration : account.System.ReleaseDuration;
    internal static int IsaDuration(ManagedAccount account) => account.ISAReleaseDuration > 0 ? account.ISAReleaseDuration : account.System.ISAReleaseDuration;

    private static bool TryParseAccessType(string text, out AccessType accessType)
    {
        foreach (var candidate in Enum.GetValues<AccessType>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                accessType = candidate;
                return true;
            }
        }
        accessType = AccessType.View;
        return false;
    }

    private static bool TryParseCredentialType(string? text, out CredentialType type)
    {
        type = (text ?? "password").ToLowerInvariant() switch
        {
            "password" or "" => CredentialType.Password,
            "dsskey" => CredentialType.DssKey,
            "passphrase" => CredentialType.Passphrase,
            _ => (CredentialType)(-1),
        };
        return Enum.IsDefined(type);
    }
}
