using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The cmdlets that take one request at a time (check-in, approve, deny, rotate-on-check-in, sessions, waiting): a
/// request object piped from New-PSRequest or Get-PSRequest, named by its account, or a -RequestId (also bound by
/// property name), named only as a masked request because ids never reach messages.
/// </summary>
public abstract class RequestInputCmdlet : CheckoutCmdlet
{
    protected const string ByObjectSet = "ByObject";
    protected const string ByIdSet = "ById";

    [Parameter(Mandatory = true, ParameterSetName = ByObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Request? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int RequestId { get; set; }

    /// <summary>The id of the request this record is about.</summary>
    internal int CurrentRequestId => InputObject?.RequestId ?? RequestId;

    /// <summary>An error's target: the request object, a piped session named after its account, or the masked id.</summary>
    internal object CurrentTarget => (object?)InputObject ?? DescribePipedRecord() ?? MaskedRequest;

    /// <summary>
    /// How -WhatIf, progress and errors name the request: its account (<c>web01\Administrator</c>), with the access type
    /// when it is not View (<c>web01\Administrator (RDP)</c>) so a request set's requests are told apart; a session piped
    /// in by its RequestId the same way; or <c>request ****</c>.
    /// </summary>
    internal string DescribeCurrent() => InputObject != null ? DescribeRequest(InputObject) : DescribePipedRecord() ?? MaskedRequest;

    /// <summary>
    /// A session ticket (New-PSAccessSession) or a listed session (Get-PSAccessSession) bound by its RequestId, named after
    /// the request's account as a request is: by names where it has them, else by ids; a row or deserialized request that
    /// carries the account's SystemName and AccountName next to its RequestId, by those; null for anything else.
    /// </summary>
    private string? DescribePipedRecord()
    {
        switch (PipedObject)
        {
            case AccessSession ticket when ticket.RequestId == RequestId:
                var access = AccessTypeOf(ticket.SessionType);
                var account = !string.IsNullOrEmpty(ticket.AccountName) ? Describe(ticket.SystemName, ticket.AccountName)
                    : ticket.AccountId > 0 ? "request for " + DescribeIds(ticket.SystemId, ticket.AccountId)
                    : null;
                return account == null ? null : access == null ? account : $"{account} ({access})";
            case AccessSessionInfo listed when listed.RequestId == RequestId && !string.IsNullOrEmpty(listed.AccountName):
                return $"{Describe(listed.AssetName, listed.AccountName)} ({listed.Protocol})";
            default:
                return DescribePipedRow();
        }
    }

    /// <summary>A request row (Export-Csv of Get-PSRequest, a deserialized request) by its account's names, if it has them.</summary>
    private string? DescribePipedRow()
    {
        var record = PipedRecord;
        if (record == null || ParameterSetName != ByIdSet || !(Text(record, nameof(Request.SystemName)) is { } system)
            || !(Text(record, nameof(Request.AccountName)) is { } account))
        {
            return null;
        }

        var access = Text(record, nameof(Request.AccessType));
        return string.IsNullOrEmpty(access) || string.Equals(access, "View", System.StringComparison.OrdinalIgnoreCase)
            ? Describe(system, account)
            : $"{Describe(system, account)} ({access})";
    }

    private static string? Text(PSObject record, string property) =>
        record.Properties[property]?.Value?.ToString() is { } text && text.Trim().Length > 0 ? text.Trim() : null;

    /// <summary>The access type a session type belongs to (spec E2: session type = access type).</summary>
    private static string? AccessTypeOf(string? sessionType) =>
        sessionType == null ? null
        : sessionType.StartsWith("ssh", System.StringComparison.OrdinalIgnoreCase) ? "SSH"
        : sessionType.StartsWith("rdp", System.StringComparison.OrdinalIgnoreCase) ? "RDP"
        : sessionType.StartsWith("app", System.StringComparison.OrdinalIgnoreCase) ? "App"
        : null;

    internal static string DescribeRequest(Request request)
    {
        var account = Describe(request.SystemName, request.AccountName);
        return string.IsNullOrEmpty(request.AccessType) || string.Equals(request.AccessType, "View", System.StringComparison.OrdinalIgnoreCase)
            ? account
            : $"{account} ({request.AccessType})";
    }
}
