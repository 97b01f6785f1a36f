namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>A runspace with the module imported and a session over the fake checkout server as its default.</summary>
internal sealed class CheckoutRunspace : ModuleRunspace
{
    public CheckoutRunspace(FakeCheckoutServer server)
        : base(server.Connect, prologue: string.Empty)
    {
        Server = server;
    }

    public FakeCheckoutServer Server { get; }
}
