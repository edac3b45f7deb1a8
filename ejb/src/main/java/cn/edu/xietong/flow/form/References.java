package cn.edu.xietong.flow.form;

/** What a form's person, unit and attachment fields refer to, looked up where the data is (the directory, storage). */
public interface References {

    boolean personExists(String login);

    boolean unitExists(String code);

    boolean attachmentExists(String id);

    /** Accepts every reference: for previews and checks that do not look anything up. */
    References ANY = new References() {
        @Override
        public boolean personExists(String login) {
            return true;
        }

        @Override
        public boolean unitExists(String code) {
            return true;
        }

        @Override
        public boolean attachmentExists(String id) {
            return true;
        }
    };
}
