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

    /// <summary>An error's target: the request object, or the masked id.</summary>
    internal object CurrentTarget => (object?)InputObject ?? MaskedRequest;

    /// <summary>
    /// How -WhatIf, progress and errors name the request: its account (<c>web01\Administrator</c>), with the access type
    /// when it is not View (<c>web01\Administrator (RDP)</c>) so a request set's requests are told apart; or <c>request ****</c>.
    /// </summary>
    internal string DescribeCurrent() => InputObject != null ? DescribeRequest(InputObject) : MaskedRequest;

    internal static string DescribeRequest(Request request)
    {
        var account = Describe(request.SystemName, request.AccountName);
        return string.IsNullOrEmpty(request.AccessType) || string.Equals(request.AccessType, "View", System.StringComparison.OrdinalIgnoreCase)
            ? account
            : $"{account} ({request.AccessType})";
    }
}
