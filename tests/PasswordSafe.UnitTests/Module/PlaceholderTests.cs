using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class PlaceholderTests
{
    [Fact]
    public void ProjectBuilds() => Assert.True(typeof(PasswordSafe.Commands.GetPasswordSafeSessionCommand).IsSealed);
}
