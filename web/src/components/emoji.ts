// A compact, hand-picked emoji set for the picker: [emoji, name] per category.

export const EMOJI_CATEGORIES: { name: string; emoji: [string, string][] }[] = [
  {
    name: 'Smileys',
    emoji: [
      ['😀', 'grinning face'], ['😃', 'big smile'], ['😄', 'smiling eyes'], ['😁', 'beaming face'], ['😆', 'laughing'],
      ['😅', 'sweat smile'], ['🤣', 'rolling on the floor laughing'], ['😂', 'tears of joy'], ['🙂', 'slight smile'], ['😉', 'wink'],
      ['😊', 'smiling face with smiling eyes'], ['😇', 'halo'], ['🥰', 'smiling face with hearts'], ['😍', 'heart eyes'], ['🤩', 'star struck'],
      ['😘', 'blowing a kiss'], ['😋', 'yum'], ['😜', 'winking tongue'], ['🤪', 'zany face'], ['🤗', 'hug'],
      ['🤔', 'thinking'], ['🤨', 'raised eyebrow'], ['😐', 'neutral'], ['🙄', 'eye roll'], ['😏', 'smirk'],
      ['😌', 'relieved'], ['😴', 'sleeping'], ['😎', 'cool'], ['🥳', 'party face'], ['😮', 'surprised'],
      ['😢', 'crying'], ['😭', 'sobbing'], ['😤', 'huffing'], ['😡', 'angry'], ['🤯', 'mind blown'],
      ['😳', 'flushed'], ['🥺', 'pleading'], ['😬', 'grimace'], ['🤐', 'zipper mouth'], ['🫠', 'melting face'],
    ],
  },
  {
    name: 'Gestures',
    emoji: [
      ['👍', 'thumbs up'], ['👎', 'thumbs down'], ['👏', 'clapping'], ['🙌', 'raised hands'], ['👋', 'waving hand'],
      ['🤝', 'handshake'], ['🙏', 'folded hands'], ['✌️', 'victory hand'], ['🤞', 'crossed fingers'], ['👌', 'ok hand'],
      ['🤙', 'call me'], ['💪', 'flexed biceps'], ['👀', 'eyes'], ['🫶', 'heart hands'], ['🤷', 'shrug'],
      ['🤦', 'facepalm'], ['🙋', 'raising hand'], ['💁', 'tipping hand'],
    ],
  },
  {
    name: 'Hearts',
    emoji: [
      ['❤️', 'red heart'], ['🧡', 'orange heart'], ['💛', 'yellow heart'], ['💚', 'green heart'], ['💙', 'blue heart'],
      ['💜', 'purple heart'], ['🖤', 'black heart'], ['🤍', 'white heart'], ['💔', 'broken heart'], ['💕', 'two hearts'],
      ['💖', 'sparkling heart'], ['💯', 'hundred points'],
    ],
  },
  {
    name: 'Nature & food',
    emoji: [
      ['🐶', 'dog'], ['🐱', 'cat'], ['🦊', 'fox'], ['🐻', 'bear'], ['🐼', 'panda'], ['🐸', 'frog'], ['🦄', 'unicorn'],
      ['🌸', 'blossom'], ['🌻', 'sunflower'], ['🌈', 'rainbow'], ['☀️', 'sun'], ['🌙', 'moon'], ['⭐', 'star'], ['❄️', 'snowflake'],
      ['🍕', 'pizza'], ['🍔', 'burger'], ['🌮', 'taco'], ['🍣', 'sushi'], ['🍩', 'doughnut'], ['🍪', 'cookie'], ['🍰', 'cake'],
      ['☕', 'coffee'], ['🍵', 'tea'], ['🍺', 'beer'],
    ],
  },
  {
    name: 'Activities & objects',
    emoji: [
      ['🎉', 'party popper'], ['🎊', 'confetti'], ['🎁', 'gift'], ['🎈', 'balloon'], ['🏆', 'trophy'], ['⚽', 'football'],
      ['🎮', 'video game'], ['🎧', 'headphones'], ['🎵', 'music'], ['📷', 'camera'], ['💻', 'laptop'], ['📱', 'phone'],
      ['💡', 'light bulb'], ['📌', 'pin'], ['📎', 'paperclip'], ['🚀', 'rocket'], ['✈️', 'airplane'], ['🏖️', 'beach'],
    ],
  },
  {
    name: 'Symbols',
    emoji: [
      ['🔥', 'fire'], ['✨', 'sparkles'], ['⚡', 'lightning'], ['💥', 'boom'], ['✅', 'check mark'], ['❌', 'cross mark'],
      ['❓', 'question mark'], ['❗', 'exclamation mark'], ['⚠️', 'warning'], ['💤', 'zzz'], ['💬', 'speech balloon'], ['👉', 'pointing right'],
    ],
  },
];
