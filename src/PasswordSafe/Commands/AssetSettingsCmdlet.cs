using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The asset fields that New-PSAsset and Set-PSAsset both take, declared once so they cannot drift apart;
/// IPAddress stays with each cmdlet because only New-PSAsset requires it.
/// </summary>
public abstract class AssetSettingsCmdlet : AdminCmdlet
{
    [Parameter]
    public string? AssetName { get; set; }

    [Parameter]
    public string? DnsName { get; set; }

    [Parameter]
    public string? DomainName { get; set; }

    [Parameter]
    public string? MacAddress { get; set; }

    [Parameter]
    public string? AssetType { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    public string? OperatingSystem { get; set; }
}
