namespace PasswordSafe.Emulator;

/// <summary>An IP or X-Forwarded-For rule (A3, A4): Type IPAddress, IPRange or CIDR; inferred from Value when absent.</summary>
public sealed class SeedAuthenticationRule
{
    public string? Type { get; set; }
    public string? Value { get; set; }
    public string? Description { get; set; }
}
