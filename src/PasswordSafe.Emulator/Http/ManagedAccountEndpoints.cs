using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// GET ManagedAccounts (api-v3 §2.1, spec E1): the API-enabled accounts the caller can request or ISA-retrieve,
/// filtered, paged with limit (default 1000) and offset, as a bare array; one object when systemName and
/// accountName identify one account, 404 when they identify none.
/// </summary>
internal static class ManagedAccountEndpoints
{
    internal const int DefaultLimit = 1000;
    internal const string NotFoundReason = "Managed Account not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapGet("/ManagedAccounts", List);
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        // Query names are case-insensitive in ASP.NET Core already (§0: systemName and systemname both work).
        var query = context.Request.Query;
        if (!TryInt(query, "limit", DefaultLimit, 1, out var limit, out var error)
            || !TryInt(query, "offset", 0, 0, out var offset, out error))
            return ApiResults.BadRequest(error!);
        limit = Math.Min(limit, state.Settings.MaximumPageSize ?? limit);
        int? systemId = null;
        if (Value(query, "systemID") is { } systemText)
        {
            if (!int.TryParse(systemText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                return ApiResults.BadRequest("systemID must be a whole number.");
            systemId = parsed;
        }
        ManagedAccountType? type = null;
        var recent = false;
        if (Value(query, "type") is { } typeText)
        {
            if (string.Equals(typeText, "recent", StringComparison.OrdinalIgnoreCase)) recent = true;
            else if (EnumNames.TryParse<ManagedAccountType>(typeText, out var parsedType)) type = parsedType;
            else return ApiResults.BadRequest("type must be system, recent, domainlinked, database, cloud or application.");
        }

        // §2.1: "applicationDisplayName (requires type=application), ipAddress (type must be system/domainlinked/database)".
        var ipAddress = Value(query, "ipAddress");
        var applicationDisplayName = Value(query, "applicationDisplayName");
        if (applicationDisplayName is not null && type != ManagedAccountType.Application)
            return ApiResults.BadRequest("applicationDisplayName needs type=application.");
        if (ipAddress is not null && (recent || type is ManagedAccountType.Cloud or ManagedAccountType.Application))
            return ApiResults.BadRequest("ipAddress needs type system, domainlinked or database (or no type).");

        var filter = new AccountFilter
        {
            SystemName = Value(query, "systemName"),
            AccountName = Value(query, "accountName"),
            SystemId = systemId,
            WorkgroupName = Value(query, "workgroupName"),
            Type = type,
            RecentAccountIds = recent ? state.Ledger.RequestedAccounts(caller.User.UserId) : null,
            IPAddress = ipAddress,
            ApplicationDisplayName = applicationDisplayName,
        };
        // One snapshot for the whole call (page and IsISAAccess), whatever provisioning swaps in meanwhile (E5).
        var view = state.CheckoutView(caller.User.UserId);
        if (filter.IsExactLookup)
        {
            var probe = new List<ManagedAccount>(2);
            view.Page(filter, 0, 2, probe);
            if (probe.Count == 0) return ApiResults.NotFound(NotFoundReason);
            if (probe.Count == 1) return new ManagedAccountsResult(probe, view, singleObject: true);
        }
        var page = new List<ManagedAccount>(Math.Min(limit, view.Listable.Length));
        view.Page(filter, offset, limit, page);
        return new ManagedAccountsResult(page, view, singleObject: false);
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>A whole number from <paramref name="minimum"/> to int.MaxValue; the refusal names the range (also for numbers too big).</summary>
    private static bool TryInt(IQueryCollection query, string name, int fallback, int minimum, out int value, out string? error)
    {
        error = null;
        value = fallback;
        if (Value(query, name) is not { } text) return true;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= minimum) return true;
        error = $"{name} must be a whole number from {minimum} to {int.MaxValue} (got '{text}').";
        return false;
    }
}
