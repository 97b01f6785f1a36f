using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists managed systems (optionally by name), reads some by id, or lists an asset's or a workgroup's (api-v3 §6.3). A
/// piped system or anything carrying SystemId (an account, a request) reads that system; a piped asset lists its
/// systems, a piped workgroup its workgroup's. The listing pages with limit/offset (the server stops at 100,000 systems
/// without them), streams each page, and maps -First/-Skip onto the pages, so nothing beyond -First is fetched.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSManagedSystem", SupportsPaging = true, DefaultParameterSetName = ListSet)]
[OutputType(typeof(ManagedSystem))]
public sealed class GetPSManagedSystemCommand : AdminCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByAssetSet = "ByAsset";
    private const string ByWorkgroupSet = "ByWorkgroup";

    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<ManagedSystemNameList>))]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, 100000)]
    public int PageSize { get; set; } = GetPSManagedAccountCommand.DefaultPageSize;

    // Paging of the views the API does not page runs across piped records: what is left to skip and to write, and what was seen.
    private ulong _toSkip;
    private ulong _left;
    private ulong _seen;

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SystemId", "Id")]
    public int[] ManagedSystemId { get; set; } = new int[0];

    /// <summary>
    /// Also declared, hidden, in the by-id set: a piped system carries its AssetId too, and would otherwise fit two sets
    /// and bind to neither. AllowNull: a system with no asset (AssetId null) is not a binding error, it just gives none.
    /// </summary>
    [Parameter(ParameterSetName = ByAssetSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByIdSet, DontShow = true)]
    [AllowNull]
    public int AssetId { get; set; }

    /// <summary>Hidden in the by-id and by-asset sets for the same reason: systems and assets carry their WorkgroupId.</summary>
    [Parameter(ParameterSetName = ByWorkgroupSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByIdSet, DontShow = true)]
    [Parameter(ParameterSetName = ByAssetSet, DontShow = true)]
    [AllowNull]
    public int WorkgroupId { get; set; }

    protected override void ProcessItem()
    {
        var service = new ManagedSystemService(Connect());
        switch (ParameterSetName)
        {
            case ByIdSet:
                RefuseTypedWith(nameof(AssetId), nameof(ManagedSystemId));
                RefuseTypedWith(nameof(WorkgroupId), nameof(ManagedSystemId));
                foreach (var id in ManagedSystemId)
                {
                    TryItem(() => WritePaged(new[] { Run((log, token) => service.GetAsync(id, log, token)) }), id);
                }

                break;
            case ByAssetSet:
                RefuseTypedWith(nameof(WorkgroupId), nameof(AssetId));
                TryItem(() => WritePaged(Run((log, token) => service.ListForAssetAsync(AssetId, log, token))), AssetId);
                break;
            case ByWorkgroupSet:
                TryItem(() => WritePaged(Run((log, token) => service.ListForWorkgroupAsync(WorkgroupId, log, token))), WorkgroupId);
                break;
            default:
                // A failed listing names what was listed: the name given, or "managed systems".
                TryItem(() => WriteListing(service), Name ?? "managed systems");
                break;
        }
    }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _toSkip = PagingParameters.Skip;
        _left = PagingParameters.First;
    }

    protected override void EndProcessing()
    {
        // The listing writes its own total; the other views count what all piped records gave.
        if (ParameterSetName != ListSet && PagingParameters.IncludeTotalCount)
        {
            WriteObject(PagingParameters.NewTotalCount(_seen, 1.0));
        }

        base.EndProcessing();
    }

    /// <summary>The views the API does not page (by id, an asset's, a workgroup's): -Skip/-First count across every piped record.</summary>
    private void WritePaged(IEnumerable<ManagedSystem> systems)
    {
        foreach (var system in systems)
        {
            _seen++;
            if (_toSkip > 0)
            {
                _toSkip--;
            }
            else if (_left > 0)
            {
                WriteObject(system);
                _left--;
            }
        }
    }

    /// <summary>
    /// Pages through <c>GET ManagedSystems</c>. An exact name is the server's filter and -Skip its offset; a name with
    /// wildcards (which the API does not take) reads every page from the start and matches here, so -Skip, -First and the
    /// total count the matches. A bare array instead of the envelope is a server that ignored limit: the whole list.
    /// </summary>
    private void WriteListing(ManagedSystemService service)
    {
        var wildcard = Name != null && WildcardPattern.ContainsWildcardCharacters(Name)
            ? WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)
            : null;
        var exact = Name != null && wildcard == null ? WildcardPattern.Unescape(Name) : null;
        var remaining = PagingParameters.First;
        var skipHere = wildcard == null ? 0 : PagingParameters.Skip;
        var offset = wildcard == null ? (long)Math.Min(PagingParameters.Skip, long.MaxValue) : 0;
        var countAll = wildcard != null && PagingParameters.IncludeTotalCount;
        long? total = null;
        long written = 0;
        long matched = 0;
        var reachedEnd = false;
        var pages = 0;
        var progressShown = false;
        var brokeOff = false;
        PageSignature? previous = null;
        if (remaining == 0 && PagingParameters.IncludeTotalCount && wildcard == null)
        {
            // -First 0 -IncludeTotalCount: only the count, from the smallest page.
            var counted = Run((log, token) => service.ListPageAsync(exact, 0, 1, log, token));
            total = counted.TotalCount ?? counted.Items.Count;
        }

        try
        {
            while (remaining > 0 || countAll)
            {
                var limit = wildcard == null ? (int)Math.Min((ulong)PageSize, remaining) : PageSize;
                var page = Run((log, token) => service.ListPageAsync(exact, offset, limit, log, token));
                pages++;
                var items = page.Items;
                if (page.TotalCount == null)
                {
                    // The whole list, whatever offset was asked: -Skip applies here.
                    reachedEnd = true;
                    var unskipped = wildcard == null ? (int)Math.Min((ulong)items.Count, PagingParameters.Skip) : 0;
                    total = items.Count;
                    offset = items.Count;
                    items = items.Skip(unskipped).ToList();
                }
                else
                {
                    var signature = PageSignature.Of(items, s => s.ManagedSystemId.ToString(CultureInfo.InvariantCulture));
                    if (PageEnd.Repeats(signature, previous))
                    {
                        // The server ignores offset: the same systems again, up to the envelope's total. Non-terminating,
                        // like every failed listing; what was written stands.
                        WriteError(CreateErrorRecord(new PasswordSafeException(ErrorIds.InvalidServerResponse,
                            PageEnd.RepeatedPageMessage("GET ManagedSystems", "systems", offset, offset),
                            "Narrow the listing with -Name so it fits one page of -PageSize, and ask the server's administrator why it ignores offset."),
                            Name ?? "managed systems"));
                        brokeOff = true;
                        break;
                    }

                    previous = signature;
                    total = page.TotalCount;
                    offset += items.Count;
                    // The envelope's total, not a short page, says where it ends: a server may cap its pages.
                    reachedEnd = items.Count == 0 || offset >= total.Value;
                }

                foreach (var system in items)
                {
                    if (wildcard != null)
                    {
                        if (!wildcard.IsMatch(system.SystemName ?? string.Empty))
                        {
                            continue;
                        }

                        matched++;
                        if (skipHere > 0)
                        {
                            skipHere--;
                            continue;
                        }
                    }

                    if (remaining > 0)
                    {
                        WriteObject(system);
                        written++;
                        remaining--;
                    }
                }

                if (reachedEnd || (remaining == 0 && !countAll))
                {
                    break;
                }

                // Only listings longer than one page show progress.
                WriteProgress(ListingProgress(written, offset, pages, total, wildcard != null));
                progressShown = true;
            }
        }
        finally
        {
            if (progressShown && !StopToken.IsCancellationRequested)
            {
                var done = ListingProgress(written, offset, pages, total, wildcard != null);
                done.RecordType = ProgressRecordType.Completed;
                WriteProgress(done);
            }
        }

        if (brokeOff)
        {
            // No miss or total is drawn from a listing that broke off.
            return;
        }

        if (exact != null && written == 0 && PagingParameters.Skip == 0 && PagingParameters.First > 0)
        {
            WriteError(CreateErrorRecord(NameNotFound("managed system", exact), Name));
        }

        if (PagingParameters.IncludeTotalCount)
        {
            // With wildcards every page was read (countAll); otherwise the envelope's total (or the whole bare list's length).
            WriteObject(wildcard != null ? PagingParameters.NewTotalCount((ulong)matched, 1.0)
                : PagingParameters.NewTotalCount((ulong)(total ?? 0), 1.0));
        }
    }

    private static ProgressRecord ListingProgress(long written, long read, int pages, long? total, bool matching)
    {
        var pageText = string.Format(CultureInfo.InvariantCulture, "{0} page{1}", pages, pages == 1 ? string.Empty : "s");
        var ofTotal = total.HasValue ? string.Format(CultureInfo.InvariantCulture, " of {0}", total.Value) : string.Empty;
        var status = matching
            ? string.Format(CultureInfo.InvariantCulture, "{0} matching so far; {1}{2} systems read ({3})", written, read, ofTotal, pageText)
            : string.Format(CultureInfo.InvariantCulture, "{0}{1} systems so far ({2})", read, ofTotal, pageText);
        var record = new ProgressRecord(ProgressActivityIds.Listing, "Listing managed systems", status);
        if (total is > 0)
        {
            record.PercentComplete = (int)Math.Min(100, read * 100 / total.Value);
        }

        return record;
    }
}
