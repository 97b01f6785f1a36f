using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using PasswordSafe.Admin;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists the managed accounts the caller may request (spec E1, api-v3 §2.1). Pages stream to the pipeline
/// as they arrive; -First/-Skip map onto limit/offset so nothing beyond -First is fetched (only -IncludeTotalCount reads a
/// few small pages more, to count what the server has), and nothing is capped. Names with wildcards (which the API does
/// not take) list without that filter and match here, so paging then counts the matches.
/// With -AccountId, -ManagedSystemId or -SmartRuleId it reads the provisioning view instead (E5, api-v3 §2.2, §6.4), whose
/// objects feed Set-/Remove-PSManagedAccount and the credential cmdlets; piped accounts, systems and rules bind to those.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSManagedAccount", SupportsPaging = true, DefaultParameterSetName = RequestableSet)]
[OutputType(typeof(ManagedAccount), ParameterSetName = new[] { RequestableSet })]
[OutputType(typeof(ManagedAccountSettings), ParameterSetName = new[] { ByAccountIdSet, BySystemIdSet, BySmartRuleSet })]
public sealed class GetPSManagedAccountCommand : CheckoutCmdlet
{
    public const int DefaultPageSize = 1000;

    private const string RequestableSet = "Requestable";
    private const string ByAccountIdSet = "ByAccountId";
    private const string BySystemIdSet = "ByManagedSystemId";
    private const string BySmartRuleSet = "BySmartRule";

    // The provisioning view's paging runs across piped systems: what is left to skip and to write, and what was seen.
    private ulong _provisioningToSkip;
    private ulong _provisioningLeft;
    private ulong _provisioningTotal;

    /// <summary>Exact, or with wildcards matched here (the API's name filters are exact).</summary>
    [Parameter(Position = 0, ParameterSetName = RequestableSet)]
    [ArgumentCompleter(typeof(SystemNameCompleter))]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? SystemName { get; set; }

    /// <summary>Exact, or with wildcards matched here against the name and its DOMAIN\name form.</summary>
    [Parameter(Position = 1, ParameterSetName = RequestableSet)]
    [Parameter(ParameterSetName = BySystemIdSet)]
    [Parameter(ParameterSetName = BySmartRuleSet)]
    [ArgumentCompleter(typeof(AccountNameCompleter))]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? AccountName { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    public int? SystemId { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServerNameCompleter<WorkgroupNameList>))]
    public string? WorkgroupName { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    [ValidateSet("system", "recent", "domainlinked", "database", "cloud", "application", IgnoreCase = true)]
    public string? Type { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    [ValidateNotNullOrEmpty]
    public string? IPAddress { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    [ValidateNotNullOrEmpty]
    public string? ApplicationDisplayName { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    [ValidateRange(1, 100000)]
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>
    /// Provisioning view of these accounts (<c>GET ManagedAccounts/{id}</c>); an account, request or session ticket piped in
    /// reads its account.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByAccountIdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID")]
    public int[] AccountId { get; set; } = new int[0];

    /// <summary>Provisioning view of a managed system's accounts (<c>GET ManagedSystems/{id}/ManagedAccounts</c>).</summary>
    [Parameter(Mandatory = true, ParameterSetName = BySystemIdSet, ValueFromPipelineByPropertyName = true)]
    public int ManagedSystemId { get; set; }

    /// <summary>Provisioning view of the accounts a smart or quick rule selects (<c>GET SmartRules/{id}/ManagedAccounts</c>).</summary>
    [Parameter(Mandatory = true, ParameterSetName = BySmartRuleSet, ValueFromPipelineByPropertyName = true)]
    [Alias("QuickRuleId")]
    public int SmartRuleId { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _provisioningToSkip = PagingParameters.Skip;
        _provisioningLeft = PagingParameters.First;
    }

    protected override void ProcessItem()
    {
        if (ParameterSetName != RequestableSet)
        {
            WriteProvisioningView();
            return;
        }

        var client = Connect(out _);
        var filter = new ManagedAccountFilter
        {
            SystemName = SystemName,
            AccountName = AccountName,
            SystemId = SystemId,
            WorkgroupName = WorkgroupName,
            Type = Type?.ToLowerInvariant(),
            IPAddress = IPAddress,
            ApplicationDisplayName = ApplicationDisplayName,
        };

        var skip = PagingParameters.Skip;
        var remaining = PagingParameters.First;
        // With wildcards in a name the server's pages are a superset (the API takes exact names only): they are read
        // whole from the start, and -Skip/-First/-IncludeTotalCount count the matches here.
        var filtersHere = filter.HasWildcards;
        var skipHere = filtersHere ? skip : 0;
        long offset = filtersHere ? 0 : skip > long.MaxValue ? long.MaxValue : (long)skip;
        long written = 0;
        long read = 0;
        long matched = 0;
        long? serverTotal = null;
        // Every page read tells how far the listing goes, for -IncludeTotalCount when the server sends no total.
        var total = new ListingTotal(PageSize);
        var singleObject = false;
        var pages = 0;
        var progressShown = false;
        var capNoted = false;
        // Both exact names are a lookup of one account: when several match, all are listed and a warning says so.
        var lookup = filter.IsExactLookup ? new List<ManagedAccount>() : null;
        // The next page downloads (and is parsed) on a pool thread while this thread writes the current one;
        // it is only asked for when it is certainly needed, so -First never fetches more than before.
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        var countAll = filtersHere && PagingParameters.IncludeTotalCount;
        var failed = false;
        PageSignature? previous = null;
        var limit = filtersHere ? PageSize : remaining > 0 ? Limit(remaining) : 0;
        PendingCall<ManagedAccountPage>? next = remaining > 0 || countAll ? StartPage(client, filter, offset, limit, listing.Token) : null;
        try
        {
            while (next != null)
            {
                var page = Complete(next);
                next = null;
                pages++;
                serverTotal ??= page.TotalCount;
                if (page.IsSingleObject)
                {
                    // The server answers the one account whatever the offset, so -Skip is applied here.
                    singleObject = true;
                    if (skip == 0)
                    {
                        WriteObject(page.Accounts[0]);
                        written++;
                    }

                    break;
                }

                var count = page.Accounts.Count;
                var signature = PageSignature.Of(page.Accounts, a => a.SystemId.ToString(CultureInfo.InvariantCulture) + "/" + a.AccountId.ToString(CultureInfo.InvariantCulture));
                if (PageEnd.Repeats(signature, previous))
                {
                    // The server ignores offset: what it answered now was written already, and paging on never ends.
                    throw new PasswordSafeException(ErrorIds.InvalidServerResponse,
                        PageEnd.RepeatedPageMessage("GET ManagedAccounts", "accounts", offset, read),
                        "Narrow the listing (-SystemName, -AccountName, -WorkgroupName) so it fits one page of -PageSize, and ask the server's "
                        + "administrator why it ignores offset.");
                }

                previous = signature;
                // More than asked for: the server ignores limit (and, as far as can be told, offset): this answer is the listing.
                var ignoresPaging = PageEnd.IgnoresLimit(count, limit);
                var askedFor = limit;
                var selected = filtersHere ? Matching(page.Accounts, filter, ref skipHere, ref matched) : page.Accounts;
                var toWrite = (ulong)selected.Count < remaining ? selected.Count : (int)remaining;
                total.Observe(offset, limit, count);
                offset += count;
                read += count;
                var reachedEnd = page.IsLast || count == 0 || ignoresPaging;
                if (!reachedEnd && count < limit && !capNoted)
                {
                    capNoted = true;
                    WriteVerbose($"The server returned {count} accounts where {limit} were asked for: it may cap its pages, so the listing "
                                 + "reads on until a shorter page.");
                }

                if (!reachedEnd && (remaining > (ulong)toWrite || countAll))
                {
                    limit = filtersHere ? PageSize : Limit(remaining - (ulong)toWrite);
                    next = StartPage(client, filter, offset, limit, listing.Token);
                }

                for (var i = 0; i < toWrite; i++)
                {
                    WriteObject(selected[i]);
                    if (lookup != null && lookup.Count < CheckoutErrors.MatchesListed)
                    {
                        lookup.Add(selected[i]);
                    }
                }

                written += toWrite;
                remaining -= (ulong)toWrite;
                if (ignoresPaging && (remaining > 0 || countAll))
                {
                    WriteWarning(PageEnd.IgnoredLimitWarning("GET ManagedAccounts", "accounts", count, askedFor));
                }

                if (next == null)
                {
                    break;
                }

                // Only listings longer than one page show progress.
                WriteProgress(Progress(filter, written, read, pages, serverTotal));
                progressShown = true;
            }
        }
        catch (PasswordSafeException e)
        {
            // Non-terminating, like every failed listing: -ErrorAction applies and the rest of the pipeline goes on.
            WriteItemError(e, filter.Describe());
            failed = true;
        }
        finally
        {
            if (next != null)
            {
                // Stopped early (downstream had enough, Ctrl+C, or an error): the page in flight is not wanted.
                listing.Cancel();
                next.Abandon();
            }

            if (progressShown && !StopToken.IsCancellationRequested)
            {
                var done = Progress(filter, written, read, pages, serverTotal);
                done.RecordType = ProgressRecordType.Completed;
                WriteProgress(done);
            }
        }

        if (failed)
        {
            // What was written stands; no hint, warning or total is drawn from a listing that broke off.
            return;
        }

        if (lookup != null && written == 0 && !singleObject && skip == 0 && PagingParameters.First > 0
            && DirectoryFormsOf(client, filter) is { Count: > 0 } forms)
        {
            // Still nothing written (scripts test for emptiness); only the miss asks the server once more.
            WriteWarning(CheckoutErrors.NoneListedDidYouMean(filter, forms));
        }

        if (lookup != null && written > 1)
        {
            WriteWarning($"{written} managed accounts match {filter.Describe()}: {CheckoutErrors.ListMatches(lookup, (int)Math.Min(written, int.MaxValue))}. " +
                         "All are listed; to act on one, pipe it on or pass its -SystemId and -AccountId.");
        }

        if (PagingParameters.IncludeTotalCount)
        {
            // With wildcards every page was read (countAll), so the matches counted are the total.
            var totalCount = filtersHere ? PagingParameters.NewTotalCount((ulong)matched, 1.0)
                : serverTotal.HasValue ? PagingParameters.NewTotalCount((ulong)serverTotal.Value, 1.0)
                : singleObject ? PagingParameters.NewTotalCount(1, 1.0)
                : CountedTotal(client, filter, total);
            if (totalCount != null)
            {
                WriteObject(totalCount);
            }
        }
    }

    protected override void EndProcessing()
    {
        // The listing writes its total at the end of its one record; the provisioning view after the last piped system.
        if (ParameterSetName != RequestableSet && PagingParameters.IncludeTotalCount)
        {
            WriteObject(PagingParameters.NewTotalCount(_provisioningTotal, 1.0));
        }

        base.EndProcessing();
    }

    /// <summary>
    /// The number of matching accounts when the answers carried no total: exact from the pages read when they reached
    /// the end, else counted with a few small reads past (or before) them; "unknown" only when the answers contradict.
    /// </summary>
    /// <returns>Null, after a non-terminating error, when a count read failed.</returns>
    private PSObject? CountedTotal(CheckoutClient client, ManagedAccountFilter filter, ListingTotal total)
    {
        long? counted;
        try
        {
            counted = total.Count((offset, limit) => Run((log, token) => client.GetAccountPageAsync(filter, offset, limit, log, token)).Accounts.Count);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, filter.Describe());
            return null;
        }

        return counted.HasValue ? PagingParameters.NewTotalCount((ulong)counted.Value, 1.0) : PagingParameters.NewTotalCount(0, 0.0);
    }

    /// <summary>The page's accounts that match the names' wildcards, after the matches -Skip still passes over.</summary>
    private static IReadOnlyList<ManagedAccount> Matching(IReadOnlyList<ManagedAccount> accounts, ManagedAccountFilter filter, ref ulong skip, ref long matched)
    {
        var selected = new List<ManagedAccount>();
        foreach (var account in accounts)
        {
            if (!filter.Matches(account))
            {
                continue;
            }

            matched++;
            if (skip > 0)
            {
                skip--;
            }
            else
            {
                selected.Add(account);
            }
        }

        return selected;
    }

    private int Limit(ulong remaining) => (int)Math.Min((ulong)PageSize, remaining);

    private PendingCall<ManagedAccountPage> StartPage(CheckoutClient client, ManagedAccountFilter filter, long offset, int limit, CancellationToken token) =>
        Start((log, callToken) => client.GetAccountPageAsync(filter, offset, limit, log, callToken), token);

    /// <summary>
    /// -AccountId / -ManagedSystemId: the provisioning objects, with -Skip/-First applied here (these calls do not
    /// page) across every piped system. They come whole, so the total is exact; with -IncludeTotalCount the calls go
    /// on after -First is reached only to count.
    /// </summary>
    private void WriteProvisioningView()
    {
        var client = new AdminClient(ResolveSession(Session));
        var service = new ManagedAccountService(client);
        var ids = ParameterSetName == ByAccountIdSet ? AccountId : new[] { ParameterSetName == BySmartRuleSet ? SmartRuleId : ManagedSystemId };
        // The server's name filter is exact: a name with wildcards lists the system's accounts and matches them here.
        var accountName = NameWildcard.From(AccountName);
        foreach (var id in ids)
        {
            if (_provisioningLeft == 0 && !PagingParameters.IncludeTotalCount)
            {
                return;
            }

            IReadOnlyList<ManagedAccountSettings> accounts;
            try
            {
                accounts = ParameterSetName == ByAccountIdSet ? new[] { Run((log, token) => service.GetAsync(id, log, token)) }
                    : ParameterSetName == BySmartRuleSet ? Run((log, token) => new SmartRuleService(client).ListAccountsAsync(id, log, token))
                    : Run((log, token) => service.ListForSystemAsync(id, accountName?.Exact, log, token));
            }
            catch (PasswordSafeException e)
            {
                WriteItemError(e, ParameterSetName == ByAccountIdSet ? ManagedAccountService.Describe(id)
                    : ParameterSetName == BySmartRuleSet ? SmartRuleService.Describe(id) : ManagedSystemService.Describe(id));
                continue;
            }

            // A rule's accounts have no name filter on the server: an exact name is matched here too.
            var matchHere = accountName != null && (accountName.HasWildcards || ParameterSetName == BySmartRuleSet);
            foreach (var account in accounts)
            {
                if (matchHere && !accountName!.IsMatch(account.AccountName))
                {
                    continue;
                }

                _provisioningTotal++;
                if (_provisioningToSkip > 0)
                {
                    _provisioningToSkip--;
                }
                else if (_provisioningLeft > 0)
                {
                    WriteObject(account);
                    _provisioningLeft--;
                }
            }
        }
    }

    private static ProgressRecord Progress(ManagedAccountFilter filter, long written, long read, int pages, long? total)
    {
        var pageText = string.Format(CultureInfo.InvariantCulture, "{0} page{1}", pages, pages == 1 ? string.Empty : "s");
        var ofTotal = total.HasValue ? string.Format(CultureInfo.InvariantCulture, " of {0}", total.Value) : string.Empty;
        // With wildcards the server's total counts what is read, not what matches.
        var status = filter.HasWildcards
            ? string.Format(CultureInfo.InvariantCulture, "{0} matching accounts so far, {1}{2} read ({3})", written, read, ofTotal, pageText)
            : string.Format(CultureInfo.InvariantCulture, "{0} accounts so far ({1}){2}", written, pageText, ofTotal);
        var record = new ProgressRecord(ProgressActivityIds.Listing, "Listing managed accounts: " + filter.Describe(), status);
        if (total.HasValue && total.Value > 0)
        {
            record.PercentComplete = (int)Math.Min(100, (filter.HasWildcards ? read : written) * 100 / total.Value);
        }

        return record;
    }
}
