using HwGen.Fpga;
using HwGen.Model;

namespace HwGen.Tests.Fpga;

public class CharacterMapTests
{
    [Test]
    public void Letters_map_to_ascii_and_bos_has_no_character()
    {
        var map = CharacterMap.For(ModelConfig.MicroGpt);
        Assert.That(map, Has.Count.EqualTo(26));
        Assert.That(map[0], Is.EqualTo(new TokenCharacter(0, (byte)'a')));
        Assert.That(map[25], Is.EqualTo(new TokenCharacter(25, (byte)'z')));
        Assert.That(CharacterMap.Print(ModelConfig.MicroGpt, [4, 12, 12, 0, 26]), Is.EqualTo("emma"));
    }

    [Test]
    public void Tokens_without_a_printable_character_print_as_question_marks()
    {
        var config = new ModelConfig(1, 16, 4, 16, 4, 0, "a\u00e9\n");
        var map = CharacterMap.For(config);
        Assert.That(map.Select(t => (t.Token, (char)t.Ascii)), Is.EqualTo(new[] { (1, 'a'), (2, '?'), (3, '?') }));
        Assert.That(CharacterMap.For(config with { Vocab = null }).All(t => t.Ascii == (byte)'?'), Is.True);
    }
}
