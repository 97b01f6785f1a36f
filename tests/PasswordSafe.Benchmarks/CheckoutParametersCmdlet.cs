using System.Management.Automation;

namespace PasswordSafe.Benchmarks;

/// <summary>The parameters the module's checkout cmdlets take, for the benchmark's stand-in cmdlets, so binding them costs alike.</summary>
public abstract class CheckoutParametersCmdlet : PSCmdlet
{
    [Parameter]
    public object? Session { get; set; }

    [Parameter]
    public int SystemId { get; set; }

    [Parameter]
    public int AccountId { get; set; }

    [Parameter]
    public int DurationMinutes { get; set; }

    [Parameter]
    public string? Reason { get; set; }
}
