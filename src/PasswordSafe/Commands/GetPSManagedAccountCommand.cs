using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using PasswordSafe.Admin;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists the managed accounts the caller may request (spec E1, api-v3 §2.1). Pages stream to the pipeline
/// as they arrive; -First/-Skip map onto limit/offset so nothing beyond -First is fetched (only -IncludeTotalCount reads a
/// few small pages more, to count what the server has), and nothing is capped.
/// With -AccountId or -ManagedSystemId it reads the provisioning view instead (E5, api-v3 §2.2), whose objects
/// feed Set-/Remove-PSManagedAccount and the credential cmdlets.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSManagedAccount", SupportsPaging = true, DefaultParameterSetName = RequestableSet)]
[OutputType(typeof(ManagedAccount), ParameterSetName = new[] { RequestableSet })]
[OutputType(typeof(ManagedAccountSettings), ParameterSetName = new[] { ByAccountIdSet, BySystemIdSet })]
public sealed class GetPSManagedAccountCommand : CheckoutCmdlet
{
    public const int DefaultPageSize = 1000;

    private const string RequestableSet = "Requestable";
    private const string ByAccountIdSet = "ByAccountId";
    private const string BySystemIdSet = "ByManagedSystemId";

    // The provisioning view's paging runs across piped systems: what is left to skip and to write, and what was seen.
    private ulong _provisioningToSkip;
    private ulong _provisioningLeft;
    private ulong _provisioningTotal;

    [Parameter(Position = 0, ParameterSetName = RequestableSet)]
    [ArgumentCompleter(typeof(SystemNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SystemName { get; set; }

    [Parameter(Position = 1, ParameterSetName = RequestableSet)]
    [Parameter(ParameterSetName = BySystemIdSet)]
    [ArgumentCompleter(typeof(AccountNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? AccountName { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    public int? SystemId { get; set; }

    [Parameter(ParameterSetName = RequestableSet)]
    [ValidateNotNullOrEmpty]
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

    /// <summary>Provisioning view of these accounts (<c>GET ManagedAccounts/{id}</c>).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByAccountIdSet)]
    [Alias("ManagedAccountID")]
    public int[] AccountId { get; set; } = new int[0];

    /// <summary>Provisioning view of a managed system's accounts (<c>GET ManagedSystems/{id}/ManagedAccounts</c>).</summary>
    [Parameter(Mandatory = true, ParameterSetName = BySystemIdSet, ValueFromPipelineByPropertyName = true)]
    public int ManagedSystemId { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _provisioningToSkip = PagingParameters.Skip;
        _provisioningLeft = PagingParameters.First;
    }

    protected override void ProcessRecord()
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
        long offset = skip > long.MaxValue ? long.MaxValue : (long)skip;
        long written = 0;
        long? serverTotal = null;
        // Every page read tells how far the listing goes, for -IncludeTotalCount when the server sends no total.
        var total = new ListingTotal(PageSize);
        var singleObject = false;
        var pages = 0;
        var progressShown = false;
        // Both names given is a lookup of one account: when several match, all are listed and a warning says so.
        var lookup = SystemName != null && AccountName != null ? new List<ManagedAccount>() : null;
        // The next page downloads (and is parsed) on a pool thread while this thread writes the current one;
        // it is only asked for when it is certainly needed, so -First never fetches more than before.
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        var limit = remaining > 0 ? Limit(remaining) : 0;
        PendingCall<ManagedAccountPage>? next = remaining > 0 ? StartPage(client, filter, offset, limit, listing.Token) : null;
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
                var toWrite = (ulong)count < remaining ? count : (int)remaining;
                total.Observe(offset, limit, count);
                offset += count;
                var reachedEnd = page.IsLast || count == 0;
                if (!reachedEnd && remaining > (ulong)toWrite)
                {
                    limit = Limit(remaining - (ulong)toWrite);
                    next = StartPage(client, filter, offset, limit, listing.Token);
                }

                for (var i = 0; i < toWrite; i++)
                {
                    WriteObject(page.Accounts[i]);
                    if (lookup != null && lookup.Count < CheckoutErrors.MatchesListed)
                    {
                        lookup.Add(page.Accounts[i]);
                    }
                }

                written += toWrite;
                remaining -= (ulong)toWrite;
                if (next == null)
                {
                    break;
                }

                // Only listings longer than one page show progress.
                WriteProgress(Progress(filter, written, pages, serverTotal));
                progressShown = true;
            }
        }
        catch (PasswordSafeException e)
        {
            ThrowTerminatingError(CreateErrorRecord(e, filter.Describe()));
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
                var done = Progress(filter, written, pages, serverTotal);
                done.RecordType = ProgressRecordType.Completed;
                WriteProgress(done);
            }
        }

        if (lookup != null && written > 1)
        {
            WriteWarning($"{written} managed accounts match {filter.Describe()}: {CheckoutErrors.ListMatches(lookup, (int)Math.Min(written, int.MaxValue))}. " +
                         "All are listed; to act on one, pipe it on or pass its -SystemId and -AccountId.");
        }

        if (PagingParameters.IncludeTotalCount)
        {
            WriteObject(serverTotal.HasValue ? PagingParameters.NewTotalCount((ulong)serverTotal.Value, 1.0)
                : singleObject ? PagingParameters.NewTotalCount(1, 1.0)
                : CountedTotal(client, filter, total));
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
    private PSObject CountedTotal(CheckoutClient client, ManagedAccountFilter filter, ListingTotal total)
    {
        long? counted = null;
        try
        {
            counted = total.Count((offset, limit) => Run((log, token) => client.GetAccountPageAsync(filter, offset, limit, log, token)).Accounts.Count);
        }
        catch (PasswordSafeException e)
        {
            ThrowTerminatingError(CreateErrorRecord(e, filter.Describe()));
        }

        return counted.HasValue ? PagingParameters.NewTotalCount((ulong)counted.Value, 1.0) : PagingParameters.NewTotalCount(0, 0.0);
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
        var service = new ManagedAccountService(new AdminClient(ResolveSession(Session)));
        var ids = ParameterSetName == ByAccountIdSet ? AccountId : new[] { ManagedSystemId };
        foreach (var id in ids)
        {
            if (_provisioningLeft == 0 && !PagingParameters.IncludeTotalCount)
            {
                return;
            }

            IReadOnlyList<ManagedAccountSettings> accounts;
            try
            {
                accounts = ParameterSetName == ByAccountIdSet
                    ? new[] { Run((log, token) => service.GetAsync(id, log, token)) }
                    : Run((log, token) => service.ListForSystemAsync(id, AccountName, log, token));
            }
            catch (PasswordSafeException e)
            {
                WriteItemError(e, ParameterSetName == ByAccountIdSet ? ManagedAccountService.Describe(id) : ManagedSystemService.Describe(id));
                continue;
            }

            foreach (var account in accounts)
            {
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

    private static ProgressRecord Progress(ManagedAccountFilter filter, long written, int pages, long? total)
    {
        var status = string.Format(CultureInfo.InvariantCulture, "{0} accounts so far ({1} page{2}){3}", written, pages, pages == 1 ? string.Empty : "s",
            total.HasValue ? string.Format(CultureInfo.InvariantCulture, " of {0}", total.Value) : string.Empty);
        var record = new ProgressRecord(ProgressActivityIds.Listing, "Listing managed accounts: " + filter.Describe(), status);
        if (total.HasValue && total.Value > 0)
        {
            record.PercentComplete = (int)Math.Min(100, written * 100 / total.Value);
        }

        return record;
    }
}
