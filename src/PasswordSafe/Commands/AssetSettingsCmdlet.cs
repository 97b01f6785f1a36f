using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The asset fields that New-PSAsset and Set-PSAsset both take, declared once so they cannot drift apart;
/// IPAddress stays with each cmdlet because only New-PSAsset requires it.
/// </summary>
public abstract class AssetSettingsCmdlet : AdminCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AssetName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DnsName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DomainName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MacAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AssetType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OperatingSystem { get; set; }
}
